using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Moderation;

/// <summary>
/// The check every service that lets a person post or engage makes itself, inside its own transaction: a
/// page left open before the mute or ban (a live Blazor circuit) calls the same service and is refused.
/// </summary>
public static class ModerationGate
{
    /// <summary>Throws <see cref="ModerationErrors.Banned"/> or <see cref="ModerationErrors.Muted"/> for a sanctioned user; anything else passes (anonymous cart keys included).</summary>
    public static async Task EnsureCanPostAsync(SocialStoreDbContext db, string? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId)) return;
        var sanction = await db.Set<UserSanction>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.BannedAt, s.MutedUntil }).FirstOrDefaultAsync(cancellationToken);
        if (sanction is null) return;
        if (sanction.BannedAt is not null) throw new DomainException(ModerationErrors.Banned);
        if (sanction.MutedUntil is { } until && until > now) throw new DomainException(ModerationErrors.Muted, until);
    }

    /// <summary>The same check for code that holds no context yet.</summary>
    public static async Task EnsureCanPostAsync(IDbContextFactory<SocialStoreDbContext> dbFactory, string? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId)) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureCanPostAsync(db, userId, now, cancellationToken);
    }
}
