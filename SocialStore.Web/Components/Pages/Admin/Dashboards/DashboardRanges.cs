using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Components.Pages.Admin.Dashboards;

/// <summary>The dashboard's days are the shop's calendar days (UTC+8); without a range it shows the last 30 days up to today.</summary>
public static class DashboardRanges
{
    public static readonly TimeZoneInfo ShopZone = TimeZoneInfo.CreateCustomTimeZone("UTC+8", OrderQueries.ShopOffset, "UTC+8", "UTC+8");

    public static DashboardRange Resolve(string? from, string? to, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(OrderQueries.ShopOffset).DateTime);
            return DashboardRange.Create(today.AddDays(-29), today);
        }
        return DashboardRange.Parse(from, to);
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
