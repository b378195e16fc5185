namespace SocialStore.Domain.Identity;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that <see cref="StaffService"/> throws; each is a resource key in the web project.</summary>
public static class StaffErrors
{
    public const string AdminOnly = "Staff.AdminOnly";
    public const string UnknownRole = "Staff.UnknownRole";
    public const string NotYourself = "Staff.NotYourself";
    public const string UserNotFound = "Staff.UserNotFound";
}
