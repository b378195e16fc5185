using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Coupons;

/// <summary>
/// The platform coupon step of the pricing pipeline (ADR-037: activity price → coupon → points → shipping): the
/// shopper's chosen coupon, or the best applicable one, or none; one per order. The discount is limited to the
/// lines the coupon covers and spread over them only. A coupon chosen explicitly that cannot apply is an error,
/// never silently dropped.
/// </summary>
public sealed class CouponAdjuster(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : IPriceAdjuster
{
    public const string Kind = "coupon";

    public int Position => 200;

    public async ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken)
    {
        if (context.Choices.NoCoupon) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        CouponOption? chosen;
        if (context.Choices.CouponId is { } couponId)
        {
            var options = await CouponCheckout.OptionsAsync(db, context.BuyerId, context.Lines, now, cancellationToken);
            chosen = options.FirstOrDefault(o => o.CouponId == couponId);
            if (chosen is null)
            {
                var state = await db.Coupons.Where(c => c.Id == couponId && c.UserId == context.BuyerId).Select(c => new { c.State, c.ValidUntil }).FirstOrDefaultAsync(cancellationToken);
                throw new DomainException(state is null ? CouponErrors.NotFound : state.State != CouponState.Available ? CouponErrors.InUse : CouponErrors.Expired);
            }
            if (chosen.Reason is { } reason) throw new DomainException(reason);
        }
        else
        {
            chosen = CouponCheckout.Best(await CouponCheckout.OptionsAsync(db, context.BuyerId, context.Lines, now, cancellationToken));
        }
        return chosen is null ? null : new PriceAdjustmentDraft(Kind, chosen.Name, -chosen.Discount, chosen.Eligible, chosen.CouponId);
    }
}
