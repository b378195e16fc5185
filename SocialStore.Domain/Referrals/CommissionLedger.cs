using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Referrals;

/// <summary>A creator's balances by state; <see cref="ClawedBack"/> is the (positive) sum of clawbacks, already included in the states.</summary>
public sealed record CommissionBalance(decimal Pending, decimal Frozen, decimal Available, decimal Withdrawn, decimal Earned, decimal ClawedBack)
{
    public decimal Total => Pending + Frozen + Available + Withdrawn;
}

/// <summary>
/// The commission ledger (ADR-042 §2): earnings written when an attributed order is paid, frozen on delivery,
/// available once the order completed and the after-sales window passed, withdrawn by a payout request; clawed back
/// pro rata by a line refund. Every state change is a conditional update; every hook is idempotent (unique source).
/// </summary>
public sealed class CommissionLedger(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rate × amount, rounded half away from zero to the fen.</summary>
    public static decimal Commission(decimal baseAmount, int rateBasisPoints) =>
        Math.Round(baseAmount * rateBasisPoints / 10000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>The one line in <see cref="OrderHooks.OnMovedAsync"/>: earn on Paid, freeze on Delivered, schedule release on Completed.</summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        switch (to)
        {
            case OrderStatus.Paid:
                await EarnAsync(db, orderId, now, ct);
                break;
            case OrderStatus.Delivered:
                await db.CommissionEntries.Where(e => e.OrderId == orderId && e.State == CommissionState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, CommissionState.Frozen), ct);
                break;
            case OrderStatus.Completed:
                var delivered = await db.Orders.Where(o => o.Id == orderId).Select(o => o.DeliveredAt).SingleAsync(ct);
                var at = await AfterSalesEndsAtAsync(db, delivered, now, ct);
                await db.CommissionEntries.Where(e => e.OrderId == orderId && (e.State == CommissionState.Pending || e.State == CommissionState.Frozen))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, CommissionState.Frozen).SetProperty(e => e.AvailableAt, at), ct);
                break;
        }
    }

    /// <summary>
    /// The return-window rule, one home for commissions and invite rewards: a completed order's after-sales window
    /// ends <see cref="ReferralSettings.AfterSalesDays"/> (never less than 7) after delivery, and never before now.
    /// </summary>
    public static async Task<DateTimeOffset> AfterSalesEndsAtAsync(SocialStoreDbContext db, DateTimeOffset? deliveredAt, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await AttributionService.SettingsAsync(db, ct);
        var at = (deliveredAt ?? now).AddDays(Math.Max(ReferralSettings.DefaultAfterSalesDays, settings.AfterSalesDays));
        return at < now ? now : at;
    }

    private static async Task EarnAsync(SocialStoreDbContext db, long orderId, DateTimeOffset now, CancellationToken ct)
    {
        var threshold = await CreatorRule.ThresholdAsync(db, ct);
        var attributed = await db.OrderLineAttributions.AsNoTracking()
            .Where(a => a.OrderId == orderId && a.EarnerId != a.BuyerId && CreatorRule.CreatorIds(db, threshold).Contains(a.EarnerId))
            .Join(db.OrderLines, a => a.OrderLineId, l => l.Id, (a, l) => new { a.EarnerId, a.NoteId, l.Id, l.ProductId, l.Subtotal, l.Payable })
            .ToListAsync(ct);
        if (attributed.Count == 0) return;
        var lineIds = attributed.Select(a => a.Id).ToList();
        // Discounts (coupons, points) shared onto each line; shipping is not the goods and earns nothing.
        var discounts = await db.OrderLineAdjustments.AsNoTracking()
            .Where(x => lineIds.Contains(x.OrderLineId) && x.Amount < 0)
            .GroupBy(x => x.OrderLineId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var productIds = attributed.Select(a => a.ProductId).Distinct().ToList();
        var rates = await db.CommissionProductRates.AsNoTracking().Where(r => productIds.Contains(r.ProductId)).ToDictionaryAsync(r => r.ProductId, r => r.RateBasisPoints, ct);
        var global = (await AttributionService.SettingsAsync(db, ct)).CommissionRateBasisPoints;
        foreach (var a in attributed)
        {
            var paid = Math.Min(a.Payable, Math.Max(0m, a.Subtotal + (discounts.FirstOrDefault(d => d.Key == a.Id)?.Sum ?? 0m)));
            var rate = rates.TryGetValue(a.ProductId, out var r) ? r : global;
            var amount = Commission(paid, rate);
            if (amount <= 0m) continue;
            await UniqueInsert.TryInsertAsync(db, new CommissionEntry
            {
                CreatorId = a.EarnerId,
                Kind = CommissionKind.Earned,
                State = CommissionState.Pending,
                Amount = amount,
                BaseAmount = paid,
                RateBasisPoints = rate,
                OrderId = orderId,
                OrderLineId = a.Id,
                NoteId = a.NoteId,
                Source = "earn:" + a.Id,
                CreatedAt = now,
            }, ct);
        }
    }

    /// <summary>
    /// The one line in <see cref="OrderHooks.OnLineRefundedAsync"/>: reverses the line's commission pro rata to the
    /// refunded share of what the line cost (the whole rest when the line is now fully refunded), never more than was
    /// earned. Against a pending or frozen earning the negative entry shares its state; against an available or
    /// withdrawn one it is available, and a negative available balance blocks payouts until it is recovered.
    /// </summary>
    public static async Task OnLineRefundedAsync(SocialStoreDbContext db, long refundRequestId, long orderLineId, decimal amount, DateTimeOffset now, CancellationToken ct)
    {
        var earned = await db.CommissionEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.OrderLineId == orderLineId && e.Kind == CommissionKind.Earned, ct);
        if (earned is null) return;
        var line = await db.OrderLines.AsNoTracking().Where(l => l.Id == orderLineId).Select(l => new { l.Payable, l.RefundedAmount }).SingleAsync(ct);
        var clawed = -await db.CommissionEntries.Where(e => e.OrderLineId == orderLineId && e.Kind == CommissionKind.Clawback).SumAsync(e => e.Amount, ct);
        var left = earned.Amount - clawed;
        if (left <= 0m) return;
        var share = line.RefundedAmount >= line.Payable || line.Payable <= 0m
            ? left
            : Math.Min(left, Math.Round(earned.Amount * amount / line.Payable, 2, MidpointRounding.AwayFromZero));
        if (share <= 0m) return;
        await UniqueInsert.TryInsertAsync(db, new CommissionEntry
        {
            CreatorId = earned.CreatorId,
            Kind = CommissionKind.Clawback,
            State = earned.State is CommissionState.Pending or CommissionState.Frozen ? earned.State : CommissionState.Available,
            Amount = -share,
            BaseAmount = amount,
            RateBasisPoints = earned.RateBasisPoints,
            OrderId = earned.OrderId,
            OrderLineId = orderLineId,
            NoteId = earned.NoteId,
            Source = "claw:" + refundRequestId,
            CreatedAt = now,
            AvailableAt = earned.AvailableAt,
        }, ct);
    }

    /// <summary>Frozen entries whose after-sales window has passed become available (a conditional update; any node may run it).</summary>
    public static Task<int> ReleaseDueAsync(SocialStoreDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.CommissionEntries.Where(e => e.State == CommissionState.Frozen && e.AvailableAt != null && e.AvailableAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, CommissionState.Available), ct);

    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReleaseDueAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<CommissionBalance> BalanceAsync(string creatorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ReleaseDueAsync(db, clock.GetUtcNow(), cancellationToken);
        return await BalanceAsync(db, creatorId, cancellationToken);
    }

    public static async Task<CommissionBalance> BalanceAsync(SocialStoreDbContext db, string creatorId, CancellationToken ct)
    {
        var rows = await db.CommissionEntries.AsNoTracking().Where(e => e.CreatorId == creatorId)
            .GroupBy(e => new { e.State, e.Kind }).Select(g => new { g.Key.State, g.Key.Kind, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct);
        decimal Of(CommissionState s) => rows.Where(r => r.State == s).Sum(r => r.Sum);
        return new CommissionBalance(Of(CommissionState.Pending), Of(CommissionState.Frozen), Of(CommissionState.Available), Of(CommissionState.Withdrawn),
            rows.Where(r => r.Kind == CommissionKind.Earned).Sum(r => r.Sum), -rows.Where(r => r.Kind == CommissionKind.Clawback).Sum(r => r.Sum));
    }

    /// <summary>
    /// Withdraws the whole available balance as one payout request. The entries are claimed by a conditional update
    /// (available and not in a payout); a concurrent request for the same balance claims nothing, or less than it
    /// read, and is rolled back — so two requests at once make one payout.
    /// </summary>
    /// <exception cref="DomainException">NotACreator, BalanceNegative (clawbacks exceed earnings), NothingToWithdraw, PayoutConflict.</exception>
    public async Task<PayoutRequest> RequestPayoutAsync(string creatorId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorId);
        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            if (!await CreatorRule.IsCreatorAsync(db, creatorId, ct)) throw new DomainException(ReferralErrors.NotACreator);
            await ReleaseDueAsync(db, now, ct);
            var available = await db.CommissionEntries.Where(e => e.CreatorId == creatorId && e.State == CommissionState.Available && e.PayoutId == null)
                .SumAsync(e => e.Amount, ct);
            if (available < 0m) throw new DomainException(ReferralErrors.BalanceNegative, Money.Plain(-available));
            if (available == 0m) throw new DomainException(ReferralErrors.NothingToWithdraw);
            var payout = new PayoutRequest { CreatorId = creatorId, Amount = available, Status = PayoutStatus.Requested, RequestedAt = now };
            db.PayoutRequests.Add(payout);
            await db.SaveChangesAsync(ct);
            await db.CommissionEntries.Where(e => e.CreatorId == creatorId && e.State == CommissionState.Available && e.PayoutId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, CommissionState.Withdrawn).SetProperty(e => e.PayoutId, payout.Id), ct);
            var claimed = await db.CommissionEntries.Where(e => e.PayoutId == payout.Id).SumAsync(e => e.Amount, ct);
            if (claimed != available) throw new DomainException(ReferralErrors.PayoutConflict);
            return payout;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CommissionEntry>> EntriesAsync(string creatorId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CommissionEntries.AsNoTracking().Where(e => e.CreatorId == creatorId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PayoutRequest>> PayoutsAsync(string creatorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PayoutRequests.AsNoTracking().Where(p => p.CreatorId == creatorId)
            .OrderByDescending(p => p.RequestedAt).Take(100).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsCreatorAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CreatorRule.IsCreatorAsync(db, userId, cancellationToken);
    }

    internal static void EnsureAdmin(ClaimsPrincipal actor)
    {
        if (!actor.IsInRole(Roles.Admin)) throw new DomainException(ReferralErrors.AdminOnly);
    }
}
