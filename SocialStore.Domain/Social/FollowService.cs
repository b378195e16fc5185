using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

public sealed record FollowResult(bool Following, int FollowerCount, bool Changed);

/// <summary>A person in a list of followers or followings. <see cref="ViewerFollows"/>: the reader follows them.</summary>
public sealed record UserCard(
    string Id, string Handle, string DisplayName, string? AvatarKey, string Bio,
    int FollowerCount, int FollowingCount, bool ViewerFollows);

public sealed record UserPage(IReadOnlyList<UserCard> Items, string? NextCursor);

/// <summary>A position in a newest-first list of follows: when the follow was made and the other person's id.</summary>
public readonly record struct FollowCursor(DateTimeOffset CreatedAt, string UserId)
{
    public override string ToString() => $"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{UserId}";

    public static FollowCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return null;
        var dot = value.IndexOf('.');
        if (dot <= 0 || dot == value.Length - 1
            || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return null;
        return new FollowCursor(new DateTimeOffset(ticks, TimeSpan.Zero), value[(dot + 1)..]);
    }
}

/// <summary>
/// Follows between users. The key (follower, followee) makes a second follow impossible; both users'
/// counters move in the same transaction, always in the same order (by user id) so that A following B
/// while B follows A cannot deadlock.
/// </summary>
public sealed class FollowService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, NotificationService notifications, Limits.ActionLimiter limiter)
{
    public const int PageSize = 30;

    public async Task<FollowResult> FollowAsync(string followerId, string followeeId, CancellationToken cancellationToken)
    {
        if (followerId == followeeId) throw new DomainException(SocialErrors.FollowSelf);
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, followerId, clock.GetUtcNow(), ct);
            if (!await db.Users.AnyAsync(u => u.Id == followeeId, ct)) throw new DomainException(SocialErrors.UserNotFound);
            if (await db.Follows.AnyAsync(f => f.FollowerId == followerId && f.FolloweeId == followeeId, ct)
                || !await UniqueInsert.TryInsertAsync(db, new Follow { FollowerId = followerId, FolloweeId = followeeId, CreatedAt = clock.GetUtcNow() }, ct))
                return (new FollowResult(true, await FollowerCountAsync(db, followeeId, ct), Changed: false), false);
            await limiter.TakeAsync(db, followerId, Limits.LimitedAction.Follow, ct);

            await MoveCountersAsync(db, followerId, followeeId, +1, ct);
            var notified = NotificationService.Add(db, followeeId, NotificationKind.Follow, followerId, null, null, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (new FollowResult(true, await FollowerCountAsync(db, followeeId, ct), Changed: true), notified);
        }, cancellationToken);
        if (notify) await notifications.PublishUnreadAsync([followeeId], cancellationToken);
        return result;
    }

    public async Task<FollowResult> UnfollowAsync(string followerId, string followeeId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var deleted = await db.Follows.Where(f => f.FollowerId == followerId && f.FolloweeId == followeeId).ExecuteDeleteAsync(ct);
            if (deleted == 0) return (new FollowResult(false, await FollowerCountAsync(db, followeeId, ct), Changed: false), false);

            await MoveCountersAsync(db, followerId, followeeId, -1, ct);
            var removed = await NotificationService.RemoveAsync(db, NotificationKind.Follow, followerId, null, null, ct);
            return (new FollowResult(false, await FollowerCountAsync(db, followeeId, ct), Changed: true), removed > 0);
        }, cancellationToken);
        if (notify) await notifications.PublishUnreadAsync([followeeId], cancellationToken);
        return result;
    }

    public async Task<bool> IsFollowingAsync(string followerId, string followeeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Follows.AnyAsync(f => f.FollowerId == followerId && f.FolloweeId == followeeId, cancellationToken);
    }

    /// <summary>A user by handle, as a card for <paramref name="viewerId"/>; null when there is no such user.</summary>
    public async Task<UserCard?> FindByHandleAsync(string handle, string? viewerId, CancellationToken cancellationToken)
    {
        handle = (handle ?? "").Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Handle == handle)
            .Select(u => new UserCard(u.Id, u.Handle, u.DisplayName, u.AvatarKey, u.Bio, u.FollowerCount, u.FollowingCount,
                viewerId != null && db.Follows.Any(f => f.FollowerId == viewerId && f.FolloweeId == u.Id)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>People who follow <paramref name="userId"/>, most recent first.</summary>
    public async Task<UserPage> FollowersAsync(string userId, string? after, string? viewerId, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edges = db.Follows.AsNoTracking().Where(f => f.FolloweeId == userId)
            .Select(f => new FollowEdge { CreatedAt = f.CreatedAt, OtherId = f.FollowerId });
        return await ListAsync(db, edges, after, viewerId, pageSize, cancellationToken);
    }

    /// <summary>People <paramref name="userId"/> follows, most recent first.</summary>
    public async Task<UserPage> FollowingAsync(string userId, string? after, string? viewerId, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edges = db.Follows.AsNoTracking().Where(f => f.FollowerId == userId)
            .Select(f => new FollowEdge { CreatedAt = f.CreatedAt, OtherId = f.FolloweeId });
        return await ListAsync(db, edges, after, viewerId, pageSize, cancellationToken);
    }

    /// <summary>One side of a follow: when it began and the person at the other end.</summary>
    private sealed class FollowEdge
    {
        public DateTimeOffset CreatedAt { get; init; }

        public string OtherId { get; init; } = "";
    }

    private static async Task<UserPage> ListAsync(
        SocialStoreDbContext db, IQueryable<FollowEdge> edges, string? after, string? viewerId, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        if (FollowCursor.Parse(after) is { } k)
            edges = edges.Where(e => e.CreatedAt < k.CreatedAt || (e.CreatedAt == k.CreatedAt && string.Compare(e.OtherId, k.UserId) < 0));
        var rows = await (
                from e in edges
                join u in db.Users on e.OtherId equals u.Id
                orderby e.CreatedAt descending, e.OtherId descending
                select new
                {
                    e.CreatedAt,
                    Card = new UserCard(u.Id, u.Handle, u.DisplayName, u.AvatarKey, u.Bio, u.FollowerCount, u.FollowingCount,
                        viewerId != null && db.Follows.Any(v => v.FollowerId == viewerId && v.FolloweeId == u.Id)),
                })
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        return ToPage(rows.Select(r => (r.CreatedAt, r.Card)).ToList(), pageSize);
    }

    private static UserPage ToPage(List<(DateTimeOffset CreatedAt, UserCard Card)> rows, int pageSize)
    {
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new UserPage(rows.Select(r => r.Card).ToList(), hasMore ? new FollowCursor(rows[^1].CreatedAt, rows[^1].Card.Id).ToString() : null);
    }

    private static async Task MoveCountersAsync(SocialStoreDbContext db, string followerId, string followeeId, int delta, CancellationToken ct)
    {
        foreach (var id in new[] { followerId, followeeId }.Order(StringComparer.Ordinal))
        {
            var users = db.Users.Where(u => u.Id == id);
            if (id == followeeId)
            {
                if (delta < 0) users = users.Where(u => u.FollowerCount >= -delta);
                await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowerCount, u => u.FollowerCount + delta), ct);
            }
            else
            {
                if (delta < 0) users = users.Where(u => u.FollowingCount >= -delta);
                await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowingCount, u => u.FollowingCount + delta), ct);
            }
        }
    }

    private static Task<int> FollowerCountAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.FollowerCount).FirstOrDefaultAsync(ct);
}
