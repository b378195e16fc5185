using Microsoft.AspNetCore.Identity;

namespace SocialStore.Domain.Identity;

public class ApplicationUser : IdentityUser
{
    public const int HandleMaxLength = 30;
    public const int DisplayNameMaxLength = 40;
    public const int BioMaxLength = 200;

    /// <summary>Unique, URL-safe, shown as @handle and used in /u/{handle}.</summary>
    public string Handle { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Storage key of the avatar image (see Media), or null for the generated default.</summary>
    public string? AvatarKey { get; set; }

    public string Bio { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    // Counters of real Follow rows, changed only by atomic SQL increments next to the row.
    public int FollowerCount { get; set; }

    public int FollowingCount { get; set; }

    /// <summary>Whether the Liked tab of the profile is visible to others (private by default).</summary>
    public bool LikesArePublic { get; set; }
}
