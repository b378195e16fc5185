namespace SocialStore.Domain.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Moderator];
}
