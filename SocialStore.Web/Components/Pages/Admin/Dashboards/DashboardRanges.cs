using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Dashboards.Rollups;

namespace SocialStore.Web.Components.Pages.Admin.Dashboards;

/// <summary>The dashboard's days are the shop's calendar days (UTC+8); without a range it shows the last 30 days up to today.</summary>
public static class DashboardRanges
{
    public static readonly TimeZoneInfo ShopZone = DashboardDays.ShopZone;

    public static DashboardRange Resolve(string? from, string? to, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            var today = DateOnly.FromDayNumber(DashboardDays.DayOf(clock.GetUtcNow(), ShopZone));
            return DashboardRange.Create(today.AddDays(-29), today);
        }
        return DashboardRange.Parse(from, to);
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
