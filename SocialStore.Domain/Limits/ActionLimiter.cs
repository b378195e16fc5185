using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Limits;

/// <summary>
/// The one rate limit for actions inside a Blazor circuit (issue 11 §2, ADR-064): a counter row per (subject, action,
/// fixed window). <see cref="TakeAsync"/> runs inside the action's transaction, so a refused or failed action
/// takes nothing (the increment rolls back with it). The database decides under concurrency:
/// <c>UPDATE … SET Count = Count + 1 WHERE … AND Count &lt; limit</c> — on PostgreSQL at READ COMMITTED a second
/// updater waits for the first and re-checks the condition on the new row — and the window's first action is an
/// insert guarded by the primary key, whose loser retries the conditional update.
/// </summary>
public sealed class ActionLimiter(TimeProvider clock, IOptions<ActionLimitOptions> options)
{
    /// <summary>Counts one <paramref name="action"/> of <paramref name="subject"/>, or throws the action's "try again in N minutes" error.</summary>
    public async Task TakeAsync(SocialStoreDbContext db, string subject, LimitedAction action, CancellationToken ct)
    {
        var rule = options.Value.For(action);
        if (rule.Limit <= 0) return;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(Math.Max(1, rule.WindowMinutes));
        var start = WindowStart(now, window);

        if (await IncrementAsync(db, subject, action, start, rule.Limit, ct)) return;
        if (await UniqueInsert.TryInsertAsync(db, new ActionCounter { Subject = subject, Action = action, WindowStart = start, Count = 1 }, ct)) return;
        // Another request inserted the window's row meanwhile (and committed): count against it.
        if (await IncrementAsync(db, subject, action, start, rule.Limit, ct)) return;

        var minutesLeft = Math.Max(1, (int)Math.Ceiling((start + window - now).TotalMinutes));
        throw new DomainException(LimitErrors.For(action), rule.Limit, (int)window.TotalMinutes, minutesLeft);
    }

    /// <summary>The start of the fixed window holding <paramref name="now"/> (windows are aligned on the Unix epoch, in UTC).</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - ticks % window.Ticks);
    }

    private static async Task<bool> IncrementAsync(SocialStoreDbContext db, string subject, LimitedAction action, DateTimeOffset start, int limit, CancellationToken ct) =>
        await db.Set<ActionCounter>()
            .Where(c => c.Subject == subject && c.Action == action && c.WindowStart == start && c.Count < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), ct) == 1;
}
