namespace SocialStore.Domain.Identity;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that profiles throw; each is a resource key in the web project.</summary>
public static class ProfileErrors
{
    public const string DisplayNameRequired = "Profile.DisplayNameRequired";
    public const string DisplayNameTooLong = "Profile.DisplayNameTooLong";
    public const string DisplayNameInvalid = "Profile.DisplayNameInvalid";
    public const string BioTooLong = "Profile.BioTooLong";
    public const string BioInvalid = "Profile.BioInvalid";
    public const string NotFound = "Profile.NotFound";
    public const string ChangedElsewhere = "Profile.ChangedElsewhere";
}
