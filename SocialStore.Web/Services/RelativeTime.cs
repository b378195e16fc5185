using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SocialStore.Web.Services;

/// <summary>"刚刚", "5 分钟前", "3 天前", then the date: how the app shows when something happened.</summary>
public static class RelativeTime
{
    public static string Format(DateTimeOffset when, DateTimeOffset now, IStringLocalizer<SocialResource> s)
    {
        var age = now - when;
        if (age < TimeSpan.FromMinutes(1)) return s["Time.JustNow"];
        if (age < TimeSpan.FromHours(1)) return s["Time.Minutes", (int)age.TotalMinutes];
        if (age < TimeSpan.FromDays(1)) return s["Time.Hours", (int)age.TotalHours];
        if (age < TimeSpan.FromDays(7)) return s["Time.Days", (int)age.TotalDays];
        // China Standard Time for the date itself: the audience is there, and the server's zone is not the reader's.
        var local = when.ToOffset(TimeSpan.FromHours(8));
        return local.Year == now.ToOffset(TimeSpan.FromHours(8)).Year
            ? local.ToString("MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The machine-readable value for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
