using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Identity;

/// <summary>Makes new accounts complete: a unique URL-safe handle and a display name.</summary>
public sealed class AccountService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ApplicationUser> NewUserAsync(string email, string? displayName, CancellationToken cancellationToken)
    {
        var handle = await UniqueHandleAsync(Handles.Suggest(email), cancellationToken);
        var name = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        if (name.Length > ApplicationUser.DisplayNameMaxLength) name = name[..ApplicationUser.DisplayNameMaxLength];
        return new ApplicationUser
        {
            UserName = email,
            Email = email,
            Handle = handle,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    public async Task<string> UniqueHandleAsync(string baseHandle, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidate = baseHandle;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (!await db.Users.AnyAsync(u => u.Handle == candidate, cancellationToken)) return candidate;
            candidate = $"{baseHandle}_{RandomNumberGenerator.GetInt32(1000, 9999)}";
        }
        // The unique index is the final guard; a clash here is astronomically unlikely.
        return $"{baseHandle}_{Guid.NewGuid():N}"[..ApplicationUser.HandleMaxLength];
    }
}
