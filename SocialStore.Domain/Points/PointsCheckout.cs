using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Points;

/// <summary>
/// The points step of the pricing pipeline (ADR-037's order: activity price → coupon → points → shipping). The shopper
/// names how many points to spend (none by default); they must be covered by the balance and stay within the maximum
/// share of what the goods cost after the coupon. The discount is spread over the lines like every adjustment, so a
/// line refund knows exactly which points were spent on it.
/// </summary>
public sealed class PointsAdjuster(IDbContextFactory<SocialStoreDbContext> dbFactory) : IPriceAdjuster
{
    public int Position => 300;

    public async ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken)
    {
        var points = context.Choices.Points;
        if (points == 0) return null;
        if (points < 0) throw new DomainException(PointsErrors.AmountInvalid);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await PointsRulesStore.ReadAsync(db, cancellationToken);
        if (points > await PointsLedger.BalanceAsync(db, context.BuyerId, cancellationToken)) throw new DomainException(PointsErrors.NotEnough);
        if (points > PointsCheckout.MaxPoints(context.Total, rules)) throw new DomainException(PointsErrors.AboveMaxShare, rules.MaxSharePercent);
        return new PriceAdjustmentDraft(PointsOrders.AdjustmentKind, PointsCheckout.Label, -PointsCheckout.Value(points, rules), null, points);
    }
}

public static class PointsCheckout
{
    /// <summary>The adjustment's label, a key of the order strings.</summary>
    public const string Label = "Order.Points";

    /// <summary>What <paramref name="points"/> are worth in yuan (whole fen: the rate divides 100).</summary>
    public static decimal Value(int points, PointsRules rules) => decimal.Round(points / (decimal)rules.PointsPerYuan, 2, MidpointRounding.ToZero);

    /// <summary>The most points that may pay for goods costing <paramref name="goods"/> (after the coupon).</summary>
    public static int MaxPoints(decimal goods, PointsRules rules) =>
        goods <= 0 ? 0 : (int)decimal.Floor(goods * rules.MaxSharePercent / 100m * rules.PointsPerYuan);

    /// <summary>How many points the buyer could spend on goods costing <paramref name="goods"/>: the balance, within the share.</summary>
    public static async Task<(int Balance, int Max, PointsRules Rules)> AvailableAsync(SocialStoreDbContext db, string buyerId, decimal goods, CancellationToken ct)
    {
        var rules = await PointsRulesStore.ReadAsync(db, ct);
        var balance = await PointsLedger.BalanceAsync(db, buyerId, ct);
        return (balance, Math.Max(0, Math.Min(balance, MaxPoints(goods, rules))), rules);
    }

    /// <summary>
    /// Locks the points a quote spends, in the transaction that places the order: one conditional update on the balance,
    /// so parallel orders cannot spend more than there is (the loser rolls back with <see cref="PointsErrors.NotEnough"/>).
    /// </summary>
    public static async Task SpendAsync(SocialStoreDbContext db, string buyerId, long orderId, PriceQuote quote, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var adjustment in quote.Adjustments.Where(a => a.Kind == PointsOrders.AdjustmentKind && a.ReferenceId is > 0))
            await PointsLedger.SpendAsync(db, buyerId, (int)adjustment.ReferenceId!.Value, $"spend:{orderId}", now, ct, orderId, -adjustment.Amount);
    }
}
