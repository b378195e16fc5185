namespace SocialStore.Domain.Dashboards;

/// <summary>Codes of the <see cref="Common.DomainException"/>s of the dashboards; each is a resource key in the web project.</summary>
public static class DashboardErrors
{
    public const string AdminOnly = "Dashboard.AdminOnly";
    public const string RangeMalformed = "Dashboard.RangeMalformed";
    public const string RangeEndBeforeStart = "Dashboard.RangeEndBeforeStart";
    public const string RangeTooLong = "Dashboard.RangeTooLong";
    public const string RangeOutOfBounds = "Dashboard.RangeOutOfBounds";
}
