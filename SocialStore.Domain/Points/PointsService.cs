using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Points;

public sealed record CheckInResult(DateOnly Day, int Streak, int Points, int Balance);

public sealed record PointsLedgerRow(long Id, int Amount, PointsKind Kind, string? OrderNumber, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>"My points": the balance (the ledger's sum), today's check-in, the streak, and the latest entries.</summary>
public sealed record MyPoints(
    int Balance, bool CheckedInToday, int Streak, int NextAward, int ExpiringSoon, DateTimeOffset? NextExpiry, IReadOnlyList<PointsLedgerRow> Entries, PointsRules Rules);

/// <summary>Daily check-in and the points page.</summary>
public sealed class PointsService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const int LedgerPageSize = 100;

    /// <summary>
    /// Checks in for today (the Asia/Shanghai calendar day). The (person, day) unique index decides: of any number of
    /// parallel clicks one inserts the day and is credited; the others get <see cref="PointsErrors.AlreadyCheckedIn"/>.
    /// </summary>
    public async Task<CheckInResult> CheckInAsync(string userId, CancellationToken ct)
    {
        try
        {
            return await DbTransactions.RunAsync(dbFactory, async (db, token) =>
            {
                var now = clock.GetUtcNow();
                var day = PointsLedger.ShanghaiDay(now);
                if (await db.PointsCheckIns.AnyAsync(c => c.UserId == userId && c.Day == day, token)) throw new DomainException(PointsErrors.AlreadyCheckedIn);
                var rules = await PointsRulesStore.ReadAsync(db, token);
                var yesterday = day.AddDays(-1);
                var streak = 1 + await db.PointsCheckIns.Where(c => c.UserId == userId && c.Day == yesterday).Select(c => c.Streak).FirstOrDefaultAsync(token);
                var points = rules.CheckInAward(streak);
                db.PointsCheckIns.Add(new PointsCheckIn { UserId = userId, Day = day, Streak = streak, Points = points, At = now });
                await db.SaveChangesAsync(token);
                await PointsLedger.CreditAsync(db, userId, points, PointsKind.CheckIn, $"checkin:{userId}:{day:yyyy-MM-dd}", now, token);
                return new CheckInResult(day, streak, points, await PointsLedger.BalanceAsync(db, userId, token));
            }, ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainException(PointsErrors.AlreadyCheckedIn);
        }
    }

    /// <summary>For the checkout's points choice: the balance and the most points these goods (after the coupon) allow.</summary>
    public async Task<(int Balance, int Max, PointsRules Rules)> AvailableAsync(string buyerId, decimal goods, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PointsCheckout.AvailableAsync(db, buyerId, goods, ct);
    }

    /// <summary>The points page; expires what is due first, so the balance shown is what can be spent.</summary>
    public async Task<MyPoints> MineAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await PointsLedger.ExpireAsync(db, userId, now, ct);
        var rules = await PointsRulesStore.ReadAsync(db, ct);
        var today = PointsLedger.ShanghaiDay(now);
        var recent = await db.PointsCheckIns.AsNoTracking().Where(c => c.UserId == userId && c.Day >= today.AddDays(-1))
            .Select(c => new { c.Day, c.Streak }).ToListAsync(ct);
        var todayRow = recent.FirstOrDefault(c => c.Day == today);
        var streak = todayRow?.Streak ?? recent.FirstOrDefault(c => c.Day == today.AddDays(-1))?.Streak ?? 0;
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).Take(LedgerPageSize)
            .Select(e => new PointsLedgerRow(e.Id, e.Amount, e.Kind, db.Orders.Where(o => o.Id == e.OrderId).Select(o => o.Number).FirstOrDefault(), e.CreatedAt, e.ExpiresAt))
            .ToListAsync(ct);
        var balance = await PointsLedger.BalanceAsync(db, userId, ct);
        // What expires in the next 30 days: credits due by then, less every debit (oldest first), less what already expired.
        var horizon = now.AddDays(30);
        var dueBy = await db.PointsEntries.Where(e => e.UserId == userId && e.Amount > 0 && e.ExpiresAt != null && e.ExpiresAt <= horizon).SumAsync(e => (int?)e.Amount, ct) ?? 0;
        var debits = -(await db.PointsEntries.Where(e => e.UserId == userId && e.Amount < 0).SumAsync(e => (int?)e.Amount, ct) ?? 0);
        var expiringSoon = Math.Clamp(dueBy - debits, 0, Math.Max(balance, 0));
        var nextExpiry = expiringSoon > 0
            ? await db.PointsEntries.Where(e => e.UserId == userId && e.Amount > 0 && e.ExpiresAt > now).OrderBy(e => e.ExpiresAt).Select(e => e.ExpiresAt).FirstOrDefaultAsync(ct)
            : null;
        return new MyPoints(balance, todayRow is not null, streak, rules.CheckInAward(todayRow is null ? streak + 1 : streak + 1), expiringSoon, nextExpiry, entries, rules);
    }
}
