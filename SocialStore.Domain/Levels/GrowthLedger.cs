using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Levels;

/// <summary>
/// The growth ledger, the one place growth entries are written. Each entry has a unique source key, so a repeat (a
/// second call for the same order line, note, review or refund request, even in parallel) inserts nothing: the
/// unique index decides, not a read before the write. The growth value is the sum of a person's entries.
/// </summary>
public static class GrowthLedger
{
    /// <summary>Growth for publishing a note (once per note).</summary>
    public const int NotePoints = 10;

    /// <summary>Growth for a review with photos (once per review).</summary>
    public const int ReviewWithPhotosPoints = 20;

    /// <summary>Appends one entry; false (and nothing changed) when its source was recorded before.</summary>
    public static async Task<bool> AppendAsync(
        SocialStoreDbContext db, string userId, int amount, GrowthKind kind, string sourceKey, DateTimeOffset now, CancellationToken ct,
        long? orderId = null, long? orderLineId = null, decimal? basis = null)
    {
        if (amount == 0) return false;
        var entry = new GrowthEntry
        {
            UserId = userId,
            Amount = amount,
            Kind = kind,
            SourceKey = sourceKey,
            OrderId = orderId,
            OrderLineId = orderLineId,
            Basis = basis,
            CreatedAt = now,
        };
        db.GrowthEntries.Add(entry);
        try
        {
            // Inside a transaction EF saves behind a savepoint, so a duplicate source leaves the caller's transaction usable.
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }

    /// <summary>A person's growth value: the sum of their entries (never below zero for display and levels).</summary>
    public static async Task<int> ValueAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        Math.Max(0, await db.GrowthEntries.Where(e => e.UserId == userId).SumAsync(e => (int?)e.Amount, ct) ?? 0);

    /// <summary>Paid: each line credits ¥1 = 1 on what was paid for it (whole yuan, rounded down).</summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, Ordering.OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to != Ordering.OrderStatus.Paid) return;
        var buyerId = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.BuyerId).FirstOrDefaultAsync(ct);
        if (buyerId is null) return;
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.Id).Select(l => new { l.Id, l.Payable, l.RefundedAmount }).ToListAsync(ct);
        foreach (var line in lines)
        {
            var basis = line.Payable - line.RefundedAmount;
            var amount = (int)decimal.Floor(basis);
            if (amount > 0) await AppendAsync(db, buyerId, amount, GrowthKind.Purchase, $"growth-paid:{line.Id}", now, ct, orderId, line.Id, basis);
        }
    }

    /// <summary>
    /// A line refund takes back the line's growth pro rata to its refunded share so far (cumulative and rounded up, so
    /// a full refund takes back all of it and a sequence of partial refunds never takes more).
    /// </summary>
    public static async Task OnLineRefundedAsync(SocialStoreDbContext db, long refundRequestId, long orderLineId, DateTimeOffset now, CancellationToken ct)
    {
        var earned = await db.GrowthEntries.AsNoTracking().Where(e => e.OrderLineId == orderLineId && e.Kind == GrowthKind.Purchase)
            .Select(e => new { e.UserId, e.OrderId, e.Amount, e.Basis }).FirstOrDefaultAsync(ct);
        if (earned is not { Basis: > 0 }) return;
        var line = await db.OrderLines.AsNoTracking().Where(l => l.Id == orderLineId).Select(l => new { l.Payable, l.RefundedAmount }).FirstOrDefaultAsync(ct);
        if (line is null) return;
        var target = ReversedFor(earned.Amount, earned.Basis.Value, line.Payable, line.RefundedAmount);
        var taken = -(await db.GrowthEntries.Where(e => e.OrderLineId == orderLineId && e.Kind == GrowthKind.PurchaseReversed).SumAsync(e => (int?)e.Amount, ct) ?? 0);
        if (target - taken > 0)
            await AppendAsync(db, earned.UserId, -(target - taken), GrowthKind.PurchaseReversed, $"growth-refund:{refundRequestId}:{orderLineId}", now, ct, earned.OrderId, orderLineId);
    }

    /// <summary>How much of a line's growth <paramref name="earned"/> (on <paramref name="basis"/>) is taken back once <paramref name="refunded"/> of <paramref name="payable"/> is refunded.</summary>
    public static int ReversedFor(int earned, decimal basis, decimal payable, decimal refunded)
    {
        if (basis <= 0) return 0;
        var refundedBefore = payable - basis;
        var share = Math.Min(Math.Max(refunded - refundedBefore, 0m), basis) / basis;
        return Math.Min(earned, (int)decimal.Ceiling(earned * share));
    }

    /// <summary>A published note earns growth once.</summary>
    public static Task OnNotePublishedAsync(SocialStoreDbContext db, string authorId, long noteId, DateTimeOffset now, CancellationToken ct) =>
        AppendAsync(db, authorId, NotePoints, GrowthKind.Note, $"growth-note:{noteId}", now, ct);

    /// <summary>A review with photos earns growth once.</summary>
    public static async Task OnReviewWrittenAsync(SocialStoreDbContext db, string authorId, long reviewId, bool hasPhotos, DateTimeOffset now, CancellationToken ct)
    {
        if (hasPhotos) await AppendAsync(db, authorId, ReviewWithPhotosPoints, GrowthKind.Review, $"growth-review:{reviewId}", now, ct);
    }

    /// <summary>The points-rate multiplier (percent) of the buyer's level now; 100 when no level applies.</summary>
    public static async Task<int> PointsRatePercentAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var levels = await LevelRules.ReadAsync(db, ct);
        return LevelRules.For(levels, await ValueAsync(db, userId, ct)).PointsRatePercent;
    }
}
