using Microsoft.Extensions.Options;

namespace SocialStore.Domain.Ordering;

/// <summary>A line going into the pricing pipeline: a SKU at its current price.</summary>
public sealed record PricingLine(long ProductId, long SkuId, string ProductTitle, string SkuLabel, string CoverKey, decimal UnitPrice, int Quantity)
{
    public decimal Subtotal => UnitPrice * Quantity;
}

/// <summary>
/// What an adjuster proposes. A negative amount is a discount; the pipeline caps it so the total never goes below zero.
/// <paramref name="Eligible"/> (one flag per line) limits the adjustment to those lines: it is capped by and spread over
/// what they cost so far, and the other lines get nothing. <paramref name="ReferenceId"/> names what it came from (a coupon).
/// </summary>
public sealed record PriceAdjustmentDraft(string Kind, string Label, decimal Amount, IReadOnlyList<bool>? Eligible = null, long? ReferenceId = null);

/// <summary>What the shopper chose at checkout: a coupon of their wallet, none, or (the default) the best one; and how many points to spend (none by default).</summary>
public sealed record PricingChoices(long? CouponId = null, bool NoCoupon = false, int Points = 0)
{
    public static PricingChoices Auto { get; } = new();
}

/// <summary>The state of pricing so far, handed to each adjuster in turn.</summary>
public sealed class PricingContext(string buyerId, IReadOnlyList<PricingLine> lines)
{
    public string BuyerId { get; } = buyerId;

    public PricingChoices Choices { get; init; } = PricingChoices.Auto;

    public IReadOnlyList<PricingLine> Lines { get; } = lines;

    public decimal Subtotal { get; } = lines.Sum(l => l.Subtotal);

    /// <summary>The current payable amount of each line (subtotal plus the shares of the adjustments so far).</summary>
    public decimal[] LinePayable { get; } = [.. lines.Select(l => l.Subtotal)];

    public decimal Total => LinePayable.Sum();

    public List<QuotedAdjustment> Adjustments { get; } = [];
}

/// <summary>One step of the pricing pipeline. Adjusters run in ascending <see cref="Position"/>.</summary>
public interface IPriceAdjuster
{
    int Position { get; }

    ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken);
}

public sealed record QuotedAdjustment(string Kind, string Label, decimal Amount, IReadOnlyList<decimal> LineShares, long? ReferenceId = null);

public sealed record QuotedLine(PricingLine Line, decimal AdjustmentTotal, decimal Payable);

public sealed record PriceQuote(IReadOnlyList<QuotedLine> Lines, IReadOnlyList<QuotedAdjustment> Adjustments, decimal Subtotal, decimal AdjustmentTotal, decimal Total);

/// <summary>
/// Prices a checkout as an ordered list of adjustments (shipping now; coupons and points plug in as
/// further <see cref="IPriceAdjuster"/>s), each spread over the lines to the fen in proportion to what
/// each line costs at that point, so every line knows exactly what it cost and refunds are exact.
/// </summary>
public sealed class PricingPipeline(IEnumerable<IPriceAdjuster> adjusters)
{
    private readonly IPriceAdjuster[] adjusters = [.. adjusters.OrderBy(a => a.Position)];

    public Task<PriceQuote> PriceAsync(string buyerId, IReadOnlyList<PricingLine> lines, CancellationToken cancellationToken) =>
        PriceAsync(buyerId, lines, PricingChoices.Auto, cancellationToken);

    public async Task<PriceQuote> PriceAsync(string buyerId, IReadOnlyList<PricingLine> lines, PricingChoices choices, CancellationToken cancellationToken)
    {
        var context = new PricingContext(buyerId, lines) { Choices = choices };
        foreach (var adjuster in adjusters)
        {
            var draft = await adjuster.AdjustAsync(context, cancellationToken);
            if (draft is null) continue;
            var amount = decimal.Round(draft.Amount, 2, MidpointRounding.ToZero);
            // Only the eligible lines (all when none are named) carry the adjustment.
            var weights = draft.Eligible is { } eligible
                ? context.LinePayable.Select((p, i) => i < eligible.Count && eligible[i] ? p : 0m).ToArray()
                : context.LinePayable;
            // A discount takes at most what is left to pay on those lines: the payable amount is never negative.
            if (amount < 0) amount = Math.Max(amount, -weights.Sum());
            var shares = PriceAllocation.Spread(amount, weights);
            for (var i = 0; i < shares.Length; i++) context.LinePayable[i] += shares[i];
            context.Adjustments.Add(new QuotedAdjustment(draft.Kind, draft.Label, amount, shares, draft.ReferenceId));
        }
        var quoted = lines.Select((l, i) => new QuotedLine(l, context.LinePayable[i] - l.Subtotal, context.LinePayable[i])).ToList();
        var adjustmentTotal = context.Adjustments.Sum(a => a.Amount);
        return new PriceQuote(quoted, context.Adjustments, context.Subtotal, adjustmentTotal, context.Subtotal + adjustmentTotal);
    }
}

public sealed class ShippingOptions
{
    public const string Section = "Ordering:Shipping";

    public decimal Fee { get; set; } = 10m;

    /// <summary>Orders whose subtotal reaches this ship free.</summary>
    public decimal FreeOver { get; set; } = 99m;
}

/// <summary>Shipping: a flat fee, free at or above a configurable subtotal. Always present, so the checkout can show "free".</summary>
public sealed class ShippingAdjuster(IOptions<ShippingOptions> options) : IPriceAdjuster
{
    public const string Kind = "shipping";

    public int Position => 1000;

    public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var fee = context.Subtotal >= o.FreeOver ? 0m : o.Fee;
        return ValueTask.FromResult<PriceAdjustmentDraft?>(new PriceAdjustmentDraft(Kind, "Order.Shipping", fee));
    }
}
