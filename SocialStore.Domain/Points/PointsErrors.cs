namespace SocialStore.Domain.Points;

/// <summary>Resource keys of the points rules (the Web project's PointsResource gives the messages).</summary>
public static class PointsErrors
{
    public const string AlreadyCheckedIn = "Points.AlreadyCheckedIn";
    public const string NotEnough = "Points.NotEnough";
    public const string AboveMaxShare = "Points.AboveMaxShare";
    public const string AmountInvalid = "Points.AmountInvalid";
    public const string AdminOnly = "Points.AdminOnly";
    public const string RulesInvalid = "Points.RulesInvalid";
}
