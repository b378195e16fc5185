namespace SocialStore.Domain.BackOffice;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that the back-office queries throw; each is a resource key in the web project.</summary>
public static class BackOfficeErrors
{
    public const string AdminOnly = "BackOffice.AdminOnly";
}
