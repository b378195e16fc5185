using System.Security.Cryptography;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>How a generated person becomes an Identity account: confirmed address, normalised names, no password.</summary>
internal static class SeedUsers
{
    public static ApplicationUser ToEntity(SeedUser user) => new()
    {
        Id = user.Id,
        UserName = user.Email,
        NormalizedUserName = Normalize(user.Email),
        Email = user.Email,
        NormalizedEmail = Normalize(user.Email),
        EmailConfirmed = true,
        // No password: nobody can sign in as a demo person. Stamps are random, like Identity's own.
        PasswordHash = null,
        SecurityStamp = NewStamp(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        Handle = user.Handle,
        DisplayName = user.DisplayName,
        Bio = user.Bio,
        AvatarKey = user.AvatarKey,
        CreatedAt = user.CreatedAt,
    };

    /// <summary>What Identity's default <c>UpperInvariantLookupNormalizer</c> produces.</summary>
    public static string Normalize(string value) => value.Normalize().ToUpperInvariant();

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
