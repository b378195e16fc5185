using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>Claiming, checkout with a coupon, and the coupon following its order; bad input changes nothing.</summary>
public class CouponServiceTests : IAsyncLifetime
{
    private CouponTestBed bed = default!;

    public async Task InitializeAsync() => bed = await CouponTestBed.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private PlaceOrderRequest Request(string buyer, long address, PricingChoices? choices, params long[] skus) => new(buyer, Guid.NewGuid().ToString(), address, skus, choices);

    [Fact]
    public async Task PlaceOrder_BestCouponChosenAutomatically_DiscountOnlyOnEligibleLinesAndLocked()
    {
        var skincare = await bed.ProductAsync("面霜", 80m, category: "skincare");
        var snack = await bed.ProductAsync("薯片", 33.33m, category: "snacks");
        var small = await bed.TemplateAsync(CouponTestBed.Input(threshold: 50m, amount: 5m));
        var percent = await bed.TemplateAsync(CouponTestBed.Input(kind: CouponKind.PercentOff, threshold: 0m, percent: 15, cap: 100m, scope: CouponScope.Category, categoryId: skincare.CategoryId));
        var buyer = await bed.UserAsync("buyer");
        await bed.Coupons.ClaimAsync(buyer.Id, small, CouponSource.CouponCentre, default);
        var best = (await bed.Coupons.ClaimAsync(buyer.Id, percent, CouponSource.ProductPage, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (skincare.ProductId, skincare.SkuId, 80m, 2), (snack.ProductId, snack.SkuId, 33.33m, 1));

        var result = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, null), default);

        // 15% of the skincare line (160) is 24; the snack line keeps its price; 193.33 ships free.
        Assert.Equal(193.33m - 24m, result.Total);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).Include(o => o.Adjustments).ThenInclude(a => a.Allocations).SingleAsync());
        var coupon = order.Adjustments.Single(a => a.Kind == CouponAdjuster.Kind);
        Assert.Equal(-24m, coupon.Amount);
        Assert.Equal(136m, order.Lines.Single(l => l.SkuId == skincare.SkuId).Payable);
        Assert.Equal(33.33m, order.Lines.Single(l => l.SkuId == snack.SkuId).Payable);
        Assert.Equal(order.Total, order.Lines.Sum(l => l.Payable));
        var locked = await bed.CouponAsync(best);
        Assert.Equal((CouponState.Locked, order.Id, 24m), (locked.State, locked.OrderId, locked.Discount));
    }

    [Fact]
    public async Task Coupon_FollowsItsOrder_LockedUsedThenReturnedExactlyOnce()
    {
        var cream = await bed.ProductAsync("面霜", 120m);
        var template = await bed.TemplateAsync(CouponTestBed.Input());
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120m, 1));

        var order = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(id)), default);
        Assert.Equal(100m, order.Total);
        await bed.MoveAsync(order.OrderId, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway);
        Assert.Equal(CouponState.Used, (await bed.CouponAsync(id)).State);
        var figures = Assert.Single(await bed.Coupons.FiguresAsync(CouponTestBed.Admin, default));
        Assert.Equal((1, 1, 20m), (figures.Claimed, figures.Used, figures.Cost));

        // A full refund cancels the order: the coupon is back, once.
        await bed.MoveAsync(order.OrderId, OrderStatus.Paid, OrderStatus.Cancelled);
        var back = await bed.CouponAsync(id);
        Assert.Equal((CouponState.Available, (long?)null, (decimal?)null), (back.State, back.OrderId, back.Discount));
        await CouponCheckout.OnOrderMovedAsync(await bed.Db.Factory.CreateDbContextAsync(), order.OrderId, OrderStatus.Cancelled, bed.Clock.GetUtcNow(), default);
        Assert.Equal(1, await bed.QueryAsync(db => db.Coupons.CountAsync()));
        Assert.Equal(0, (await bed.Coupons.FiguresAsync(CouponTestBed.Admin, default))[0].Used);
    }

    [Fact]
    public async Task CancelUnpaid_CouponBackInUsable()
    {
        var cream = await bed.ProductAsync("面霜", 120m);
        var template = await bed.TemplateAsync(CouponTestBed.Input());
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.ProductPage, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120m, 1));
        var order = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, null), default);
        Assert.Equal(CouponState.Locked, (await bed.CouponAsync(id)).State);

        await bed.MoveAsync(order.OrderId, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.Buyer);

        var mine = await bed.Coupons.MineAsync(buyer.Id, chinese: true, default);
        var usable = Assert.Single(mine.Usable);
        Assert.Equal((id, CouponState.Available, CouponSource.ProductPage), (usable.Id, usable.State, usable.Source));
        Assert.Empty(mine.Used);
    }

    [Fact]
    public async Task UnpaidTimeout_CouponBackOnce_AndUsableOnTheNextOrder()
    {
        var cream = await bed.ProductAsync("面霜", 120m);
        var template = await bed.TemplateAsync(CouponTestBed.Input());
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120m, 2));
        await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, null, cream.SkuId), default);
        var sweeper = new UnpaidOrderSweeper(bed.Db.Factory, bed.Clock, new OutboxSignal());

        bed.Clock.Advance(new CheckoutOptions().UnpaidTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sweeper.SweepAsync(default));
        Assert.Equal(0, await sweeper.SweepAsync(default));

        Assert.Equal(CouponState.Available, (await bed.CouponAsync(id)).State);
        await bed.QueryAsync(db => db.CartItems.AddAsync(new CartItem
        {
            OwnerKey = CartItem.UserOwner(buyer.Id),
            ProductId = cream.ProductId,
            SkuId = cream.SkuId,
            Quantity = 1,
            PriceWhenAdded = 120m,
            AddedAt = bed.Clock.GetUtcNow(),
            UpdatedAt = bed.Clock.GetUtcNow(),
        }).AsTask().ContinueWith(_ => db.SaveChangesAsync()).Unwrap());
        var again = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(id)), default);
        Assert.Equal(100m, again.Total);
    }

    [Fact]
    public async Task PlaceOrder_CouponExpiredASecondAgo_RefusedAndNothingWritten()
    {
        var cream = await bed.ProductAsync("面霜", 120m);
        var template = await bed.TemplateAsync(CouponTestBed.Input(validDays: 1));
        var buyer = await bed.UserAsync("buyer");
        var claim = await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120m, 1));
        bed.Clock.SetUtcNow(claim.ValidUntil.AddSeconds(1));

        var ex = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(claim.CouponId)), default));

        Assert.Equal(CouponErrors.Expired, ex.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(CouponState.Available, (await bed.CouponAsync(claim.CouponId)).State);
        // Without a choice the expired coupon is simply not offered, and the order goes through at full price.
        var preview = await bed.Checkout.PreviewAsync(buyer.Id, [], default);
        Assert.Equal(120m, preview.Quote!.Total);
        Assert.Equal(CouponState.Available, (await bed.CouponAsync(claim.CouponId)).State);
        Assert.Single((await bed.Coupons.MineAsync(buyer.Id, true, default)).Expired);
    }

    [Fact]
    public async Task PlaceOrder_AnotherCategorysCoupon_RefusedAsNotApplicable()
    {
        var snack = await bed.ProductAsync("薯片", 150m, category: "snacks");
        var skincareCategory = (await bed.ProductAsync("面霜", 80m, category: "skincare")).CategoryId;
        var template = await bed.TemplateAsync(CouponTestBed.Input(scope: CouponScope.Category, categoryId: skincareCategory));
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (snack.ProductId, snack.SkuId, 150m, 1));

        var ex = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(id)), default));

        Assert.Equal(CouponErrors.NotApplicable, ex.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(150m, (await bed.Checkout.PreviewAsync(buyer.Id, [], default)).Quote!.Total);
    }

    [Fact]
    public async Task PlaceOrder_PercentCouponOnAOneFenOrder_NoDiscountNeverNegative()
    {
        var pin = await bed.ProductAsync("别针", 0.01m);
        var template = await bed.TemplateAsync(CouponTestBed.Input(kind: CouponKind.PercentOff, threshold: 0m, percent: 50, cap: 10m));
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (pin.ProductId, pin.SkuId, 0.01m, 1));

        var ex = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(id)), default));
        Assert.Equal(CouponErrors.NoDiscount, ex.Code);

        // Automatically, the coupon is not used (it would take nothing off) and stays in the wallet.
        var order = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, null), default);
        Assert.Equal(10.01m, order.Total);
        Assert.Equal(CouponState.Available, (await bed.CouponAsync(id)).State);
    }

    [Fact]
    public async Task PlaceOrder_NoThresholdCouponLargerThanTheOrder_PayableIsShippingOnly()
    {
        var pin = await bed.ProductAsync("别针", 3m);
        var template = await bed.TemplateAsync(CouponTestBed.Input(kind: CouponKind.NoThreshold, threshold: 0m, amount: 5m));
        var buyer = await bed.UserAsync("buyer");
        await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (pin.ProductId, pin.SkuId, 3m, 1));

        var order = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, null), default);

        // The discount is min(5, 3) = 3; shipping (10) is still paid.
        Assert.Equal(10m, order.Total);
        var line = await bed.QueryAsync(db => db.OrderLines.SingleAsync());
        Assert.Equal(10m, line.Payable);
    }

    [Fact]
    public async Task PlaceOrder_NoCouponChosen_FullPriceAndCouponKept()
    {
        var cream = await bed.ProductAsync("面霜", 120m);
        var template = await bed.TemplateAsync(CouponTestBed.Input());
        var buyer = await bed.UserAsync("buyer");
        var id = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120m, 1));

        var order = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, new PricingChoices(NoCoupon: true)), default);

        Assert.Equal(120m, order.Total);
        Assert.Equal(CouponState.Available, (await bed.CouponAsync(id)).State);
    }

    [Fact]
    public async Task Claim_PausedNotStartedEndedOrSoldOut_ClearCodesNothingIssued()
    {
        var buyer = await bed.UserAsync("buyer");
        var paused = await bed.TemplateAsync(CouponTestBed.Input());
        Assert.True(await bed.Coupons.SetPausedAsync(CouponTestBed.Admin, paused, true, default));
        var later = await bed.TemplateAsync(CouponTestBed.Input() with { StartsAt = CouponTestBed.Start.AddHours(1) });
        var one = await bed.TemplateAsync(CouponTestBed.Input(total: 1, perUser: 2));
        await bed.Coupons.ClaimAsync(buyer.Id, one, CouponSource.CouponCentre, default);

        Assert.Equal(CouponErrors.Paused, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(buyer.Id, paused, CouponSource.CouponCentre, default))).Code);
        Assert.Equal(CouponErrors.NotStarted, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(buyer.Id, later, CouponSource.CouponCentre, default))).Code);
        Assert.Equal(CouponErrors.SoldOut, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(buyer.Id, one, CouponSource.CouponCentre, default))).Code);
        var open = await bed.TemplateAsync(CouponTestBed.Input());
        bed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(CouponErrors.Ended, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(buyer.Id, open, CouponSource.CouponCentre, default))).Code);
        Assert.Equal(1, await bed.QueryAsync(db => db.Coupons.CountAsync()));
    }

    [Theory]
    [InlineData("", CouponKind.SpendAndSave, 100, 20, 0, 0, CouponErrors.NameInvalid)]
    [InlineData("满10减20", CouponKind.SpendAndSave, 10, 20, 0, 0, CouponErrors.ThresholdInvalid)]
    [InlineData("八折", CouponKind.PercentOff, 0, 0, 20, 0, CouponErrors.CapInvalid)]
    [InlineData("零折", CouponKind.PercentOff, 0, 0, 100, 10, CouponErrors.PercentInvalid)]
    [InlineData("半分", CouponKind.NoThreshold, 0, 0.005, 0, 0, CouponErrors.AmountInvalid)]
    public async Task Create_BadInput_RefusedNothingWritten(string name, CouponKind kind, decimal threshold, decimal amount, int percent, decimal cap, string code)
    {
        var input = CouponTestBed.Input(kind, threshold, amount, percent, cap) with { Name = name };

        var ex = await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.CreateAsync(CouponTestBed.Admin, input, default));

        Assert.Equal(code, ex.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.CouponTemplates.CountAsync()));
    }

    [Fact]
    public async Task ManagingCampaigns_ByAShopperOrAModerator_IsRefusedAndChangesNothing()
    {
        var template = await bed.TemplateAsync(CouponTestBed.Input());
        foreach (var role in new string?[] { null, SocialStore.Domain.Identity.Roles.Moderator })
        {
            var claims = new List<System.Security.Claims.Claim> { new(System.Security.Claims.ClaimTypes.NameIdentifier, "someone") };
            if (role is not null) claims.Add(new(System.Security.Claims.ClaimTypes.Role, role));
            var actor = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"));

            Assert.Equal(CouponErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.CreateAsync(actor, CouponTestBed.Input(), default))).Code);
            Assert.Equal(CouponErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.SetPausedAsync(actor, template, true, default))).Code);
            Assert.Equal(CouponErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.FiguresAsync(actor, default))).Code);
        }
        Assert.Equal(1, await bed.QueryAsync(db => db.CouponTemplates.CountAsync()));
        Assert.False(await bed.QueryAsync(db => db.CouponTemplates.Select(t => t.Paused).SingleAsync()));
    }
}
