using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Points;

/// <summary>
/// The points ledger, the one place entries are written. Every entry is inserted together with an update of the
/// person's <see cref="PointsAccount"/> in one transaction (the caller's, or one opened here), so the balance is
/// always the ledger's sum. A credit's unique source key makes a repeat a no-op; a spend is a conditional update
/// (<c>WHERE Balance &gt;= n</c>) whose affected-row count decides, so parallel orders cannot overspend.
/// </summary>
public static class PointsLedger
{
    /// <summary>The calendar that check-in days and streaks follow.</summary>
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly ShanghaiDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Shanghai).DateTime);

    /// <summary>
    /// Credits <paramref name="amount"/> points (positive) for a source, e.g. <c>referral:{id}</c>. Returns false, and
    /// changes nothing, when that source was credited before. The credit expires after the configured months.
    /// </summary>
    public static async Task<bool> CreditAsync(
        SocialStoreDbContext db, string userId, int amount, PointsKind kind, string sourceKey, DateTimeOffset now, CancellationToken ct,
        long? orderId = null, long? orderLineId = null, decimal? basis = null)
    {
        if (amount <= 0) throw new DomainException(PointsErrors.AmountInvalid);
        var rules = await PointsRulesStore.ReadAsync(db, ct);
        return await AppendAsync(db, new PointsEntry
        {
            UserId = userId,
            Amount = amount,
            Kind = kind,
            SourceKey = sourceKey,
            OrderId = orderId,
            OrderLineId = orderLineId,
            Basis = basis,
            CreatedAt = now,
            ExpiresAt = now.AddMonths(rules.ExpiryMonths),
        }, mustCover: false, ct);
    }

    /// <summary>
    /// Takes points back (a reversal): the balance may go below zero, and later credits repay it first. Returns false
    /// when that source was debited before.
    /// </summary>
    public static Task<bool> ReverseAsync(
        SocialStoreDbContext db, string userId, int amount, PointsKind kind, string sourceKey, DateTimeOffset now, CancellationToken ct,
        long? orderId = null, long? orderLineId = null)
    {
        if (amount <= 0) throw new DomainException(PointsErrors.AmountInvalid);
        return AppendAsync(db, new PointsEntry { UserId = userId, Amount = -amount, Kind = kind, SourceKey = sourceKey, OrderId = orderId, OrderLineId = orderLineId, CreatedAt = now }, mustCover: false, ct);
    }

    /// <summary>
    /// Spends points: throws <see cref="PointsErrors.NotEnough"/> when the balance does not cover them (decided by one
    /// conditional update). Call inside the transaction that places what they pay for.
    /// </summary>
    public static async Task SpendAsync(
        SocialStoreDbContext db, string userId, int amount, string sourceKey, DateTimeOffset now, CancellationToken ct, long? orderId = null, decimal? basis = null)
    {
        if (amount <= 0) throw new DomainException(PointsErrors.AmountInvalid);
        // What has expired cannot be spent.
        await ExpireAsync(db, userId, now, ct);
        var inserted = await AppendAsync(db, new PointsEntry
        {
            UserId = userId,
            Amount = -amount,
            Kind = PointsKind.Spend,
            SourceKey = sourceKey,
            OrderId = orderId,
            Basis = basis,
            CreatedAt = now,
        }, mustCover: true, ct);
        if (!inserted) throw new DomainException(PointsErrors.NotEnough);
    }

    /// <summary>
    /// Expires what is left of credits past their expiry, oldest first: every debit so far (spends, reversals, earlier
    /// expiries) is taken from the oldest credits, so what is due is the expired credits minus all debits, if positive.
    /// The account row is locked first, so two runs for one person cannot both expire the same points.
    /// </summary>
    public static Task<int> ExpireAsync(SocialStoreDbContext db, string userId, DateTimeOffset now, CancellationToken ct) =>
        InTransactionAsync(db, async () =>
        {
            await EnsureAccountAsync(db, userId, now, ct);
            await db.PointsAccounts.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, now), ct);
            var expired = await db.PointsEntries.Where(e => e.UserId == userId && e.Amount > 0 && e.ExpiresAt != null && e.ExpiresAt <= now)
                .GroupBy(e => 1).Select(g => new { Sum = g.Sum(e => e.Amount), Last = g.Max(e => e.Id) }).FirstOrDefaultAsync(ct);
            if (expired is null) return 0;
            var debits = -await db.PointsEntries.Where(e => e.UserId == userId && e.Amount < 0).SumAsync(e => (int?)e.Amount, ct) ?? 0;
            var due = expired.Sum - debits;
            if (due <= 0) return 0;
            var entry = new PointsEntry { UserId = userId, Amount = -due, Kind = PointsKind.Expired, SourceKey = $"expire:{userId}:{expired.Last}", CreatedAt = now };
            return await AppendCoreAsync(db, entry, mustCover: false, ct) ? due : 0;
        });

    public static async Task<int> BalanceAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        await db.PointsAccounts.Where(a => a.UserId == userId).Select(a => (int?)a.Balance).FirstOrDefaultAsync(ct) ?? 0;

    private static Task<bool> AppendAsync(SocialStoreDbContext db, PointsEntry entry, bool mustCover, CancellationToken ct) =>
        InTransactionAsync(db, async () =>
        {
            await EnsureAccountAsync(db, entry.UserId, entry.CreatedAt, ct);
            return await AppendCoreAsync(db, entry, mustCover, ct);
        });

    private static async Task<bool> AppendCoreAsync(SocialStoreDbContext db, PointsEntry entry, bool mustCover, CancellationToken ct)
    {
        db.PointsEntries.Add(entry);
        try
        {
            // Inside a transaction EF saves behind a savepoint, so a duplicate source leaves the caller's transaction usable.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.Entry(entry).State = EntityState.Detached;
            return false;
        }
        finally
        {
            if (db.Entry(entry).State != EntityState.Detached) db.Entry(entry).State = EntityState.Detached;
        }
        var amount = entry.Amount;
        var need = -amount;
        var updated = mustCover
            ? await db.PointsAccounts.Where(a => a.UserId == entry.UserId && a.Balance >= need)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + amount).SetProperty(a => a.UpdatedAt, entry.CreatedAt), ct)
            : await db.PointsAccounts.Where(a => a.UserId == entry.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + amount).SetProperty(a => a.UpdatedAt, entry.CreatedAt), ct);
        if (updated == 0)
        {
            await db.PointsEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync(ct);
            if (mustCover) throw new DomainException(PointsErrors.NotEnough);
            throw new InvalidOperationException("The points account is missing.");
        }
        return true;
    }

    private static async Task EnsureAccountAsync(SocialStoreDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.PointsAccounts.AnyAsync(a => a.UserId == userId, ct)) return;
        var account = new PointsAccount { UserId = userId, Balance = 0, UpdatedAt = now };
        db.PointsAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A parallel transaction created it first; the savepoint kept ours usable.
        }
        finally
        {
            db.Entry(account).State = EntityState.Detached;
        }
    }

    /// <summary>Runs in the caller's transaction, or in one of its own when there is none (entry and balance move together).</summary>
    private static async Task<T> InTransactionAsync<T>(SocialStoreDbContext db, Func<Task<T>> work)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work();
        await transaction.CommitAsync();
        return result;
    }
}
