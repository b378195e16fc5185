using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.FlashSales;

public class FlashSaleServiceTests
{
    [Theory]
    [InlineData(0, 10, 1, FlashSaleErrors.PriceInvalid)]
    [InlineData(-5, 10, 1, FlashSaleErrors.PriceInvalid)]
    [InlineData(9.999, 10, 1, FlashSaleErrors.PriceInvalid)]
    [InlineData(199, 10, 1, FlashSaleErrors.PriceNotBelow)]
    [InlineData(250, 10, 1, FlashSaleErrors.PriceNotBelow)]
    [InlineData(99, 0, 1, FlashSaleErrors.StockInvalid)]
    [InlineData(99, -3, 1, FlashSaleErrors.StockInvalid)]
    [InlineData(99, 501, 1, FlashSaleErrors.StockAboveSku)]
    [InlineData(99, 10, 0, FlashSaleErrors.LimitInvalid)]
    [InlineData(99, 10, 100, FlashSaleErrors.LimitInvalid)]
    public async Task AddItem_BadInput_RefusedAndNothingStored(decimal price, int stock, int limit, string code)
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (_, skuId) = await bed.ProductAsync(price: 199m, stock: 500);
        var slot = await bed.SlotAsync(TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Flash.AddItemAsync(bed.Admin, slot, new FlashItemInput(skuId, price, stock, limit), default));

        Assert.Equal(code, error.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.FlashSaleItems.CountAsync()));
    }

    [Fact]
    public async Task CreateSlot_BadWindowTitleOrActor_Refused()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var now = bed.Now;
        Assert.Equal(FlashSaleErrors.WindowInvalid, (await Assert.ThrowsAsync<DomainException>(() =>
            bed.Flash.CreateSlotAsync(bed.Admin, new FlashSlotInput("场次", now.AddHours(2), now.AddHours(2)), default))).Code);
        Assert.Equal(FlashSaleErrors.WindowInvalid, (await Assert.ThrowsAsync<DomainException>(() =>
            bed.Flash.CreateSlotAsync(bed.Admin, new FlashSlotInput("场次", now.AddHours(2), now.AddHours(1)), default))).Code);
        Assert.Equal(FlashSaleErrors.SlotEnded, (await Assert.ThrowsAsync<DomainException>(() =>
            bed.Flash.CreateSlotAsync(bed.Admin, new FlashSlotInput("场次", now.AddHours(-2), now.AddHours(-1)), default))).Code);
        Assert.Equal(FlashSaleErrors.TitleInvalid, (await Assert.ThrowsAsync<DomainException>(() =>
            bed.Flash.CreateSlotAsync(bed.Admin, new FlashSlotInput("  ", now.AddHours(1), now.AddHours(2)), default))).Code);
        var shopper = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "test"));
        Assert.Equal(FlashSaleErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() =>
            bed.Flash.CreateSlotAsync(shopper, new FlashSlotInput("场次", now.AddHours(1), now.AddHours(2)), default))).Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.FlashSaleSlots.CountAsync()));
    }

    [Fact]
    public async Task AddItem_SameSkuTwice_RefusedByTheUniqueIndex()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (_, skuId) = await bed.ProductAsync();
        var slot = await bed.SlotAsync(TimeSpan.FromHours(1));
        await bed.Flash.AddItemAsync(bed.Admin, slot, new FlashItemInput(skuId, 99m, 10, 1), default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Flash.AddItemAsync(bed.Admin, slot, new FlashItemInput(skuId, 89m, 5, 1), default));

        Assert.Equal(FlashSaleErrors.SkuAlreadyInSlot, error.Code);
        Assert.Equal(1, await bed.QueryAsync(db => db.FlashSaleItems.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reserve_CreatesTheUnpaidOrderAtTheFlashPriceAndTakesSlotSkuAndCap(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, productId, skuId) = await bed.LiveItemAsync(slotStock: 10, limit: 2, flashPrice: 59m, skuStock: 50);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];

        var result = await bed.ReserveAsync(buyer, item);

        Assert.True(result.Created);
        Assert.Equal(69m, result.Total); // 59 + shipping 10 (free from 99)
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == result.OrderId));
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(buyer, order.BuyerId);
        var line = Assert.Single(order.Lines);
        Assert.Equal((productId, skuId, 59m, 1), (line.ProductId, line.SkuId, line.UnitPrice, line.Quantity));
        Assert.Equal(9, await bed.RemainingAsync(item));
        Assert.Equal(49, await bed.SkuStockAsync(skuId));
        Assert.Equal(1, await bed.QuotaAsync(item, buyer));
        var reservation = await bed.QueryAsync(db => db.FlashSaleReservations.SingleAsync());
        Assert.Equal((result.OrderId, item, 1), (reservation.OrderId, reservation.ItemId, reservation.Quantity));
    }

    [Fact]
    public async Task Reserve_SameCheckoutKeyTwice_OneOrder()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (item, _, _) = await bed.LiveItemAsync(limit: 3);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];

        var first = await bed.ReserveAsync(buyer, item, key: "k-1");
        var second = await bed.ReserveAsync(buyer, item, key: "k-1");

        Assert.Equal(first.Number, second.Number);
        Assert.False(second.Created);
        Assert.Equal(1, await bed.QuotaAsync(item, buyer));
        Assert.Equal(99, await bed.RemainingAsync(item));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reserve_CapCountsUnpaidAndPaidOrders(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, _) = await bed.LiveItemAsync(limit: 2);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];

        Assert.Equal(FlashSaleErrors.LimitReached, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, item, quantity: 3))).Code);
        Assert.Equal(FlashSaleErrors.LimitReached, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, item, quantity: 0))).Code);
        var first = await bed.ReserveAsync(buyer, item);
        var order = new TestOrder(first.OrderId, first.Number, buyer, 0, 0, 1, first.Total);
        var session = await bed.Pay.StartAsync(order);
        Assert.Equal(CallbackOutcome.Applied, await bed.Pay.SendAsync(session, "succeeded"));
        await bed.ReserveAsync(buyer, item); // unpaid

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, item));

        Assert.Equal(FlashSaleErrors.LimitReached, error.Code);
        Assert.Equal(2, await bed.QuotaAsync(item, buyer));
        Assert.Equal(98, await bed.RemainingAsync(item));
        Assert.Equal(2, await bed.QueryAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task Reserve_BeforeStartOrAfterEnd_NotStartedOrEnded()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (_, skuId) = await bed.ProductAsync();
        var slot = await bed.SlotAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
        var item = await bed.Flash.AddItemAsync(bed.Admin, slot, new FlashItemInput(skuId, 99m, 10, 1), default);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];

        Assert.Equal(FlashSaleErrors.NotStarted, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, item))).Code);
        bed.Pay.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(FlashSaleErrors.Ended, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, item))).Code);
        Assert.Equal(FlashSaleErrors.Ended, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, 987654))).Code);

        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(10, await bed.RemainingAsync(item));
        Assert.Equal(0, await bed.QuotaAsync(item, buyer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reserve_LastUnitTaken_SoldOutAndTheGateAnswersWithoutTheDatabase(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, skuId) = await bed.LiveItemAsync(slotStock: 1, limit: 1);
        var buyers = await bed.BuyersAsync("fb", 3);
        await bed.ReserveAsync(buyers[0], item);

        Assert.Equal(FlashSaleErrors.SoldOut, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyers[1], item))).Code);
        Assert.True(bed.Gate.IsSoldOut(item));
        Assert.Equal(FlashSaleErrors.SoldOut, (await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyers[2], item))).Code);

        // The loser's cap and order rolled back with the failed UPDATE.
        Assert.Equal(0, await bed.QuotaAsync(item, buyers[1]));
        Assert.Equal(1, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(499, await bed.SkuStockAsync(skuId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnpaidReservation_ExpiresAndReturnsSlotStockSkuStockAndCap_Once(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, skuId) = await bed.LiveItemAsync(slotStock: 1, limit: 1, skuStock: 20);
        var buyers = await bed.BuyersAsync("fb", 2);
        await bed.ReserveAsync(buyers[0], item);
        Assert.Equal((0, 19), (await bed.RemainingAsync(item), await bed.SkuStockAsync(skuId)));

        bed.Pay.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bed.Pay.Sweeper.SweepAsync(default));
        Assert.Equal(0, await bed.Pay.Sweeper.SweepAsync(default));

        Assert.Equal(1, await bed.RemainingAsync(item));
        Assert.Equal(20, await bed.SkuStockAsync(skuId));
        Assert.Equal(0, await bed.QuotaAsync(item, buyers[0]));
        Assert.NotNull(await bed.QueryAsync(db => db.FlashSaleReservations.Select(r => r.ReturnedAt).SingleAsync()));

        // The returned unit is for sale again (after the gate's recheck window), and the first buyer may buy again.
        bed.Pay.Clock.Advance(TimeSpan.FromSeconds(6));
        var again = await bed.ReserveAsync(buyers[0], item);
        Assert.True(again.Created);
        Assert.Equal(0, await bed.RemainingAsync(item));
    }

    [Fact]
    public async Task BuyerCancels_UnpaidReservationReturned()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (item, _, _) = await bed.LiveItemAsync(slotStock: 5, limit: 1);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];
        var reserved = await bed.ReserveAsync(buyer, item);

        await new OrderService(bed.Factory, bed.Pay.Clock).CancelAsync(buyer, reserved.Number, default);

        Assert.Equal(5, await bed.RemainingAsync(item));
        Assert.Equal(0, await bed.QuotaAsync(item, buyer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaymentAfterTheReservationExpired_RefundedAutomaticallyAndStockNotTakenAgain(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, skuId) = await bed.LiveItemAsync(slotStock: 1, limit: 1, skuStock: 20);
        var buyer = (await bed.BuyersAsync("fb", 1))[0];
        var reserved = await bed.ReserveAsync(buyer, item);
        var order = new TestOrder(reserved.OrderId, reserved.Number, buyer, 0, skuId, 1, reserved.Total);
        var session = await bed.Pay.StartAsync(order);
        bed.Pay.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bed.Pay.Sweeper.SweepAsync(default));
        var other = (await bed.BuyersAsync("fc", 1))[0];
        bed.Pay.Clock.Advance(TimeSpan.FromSeconds(6));
        await bed.ReserveAsync(other, item); // someone else took the returned unit

        Assert.Equal(CallbackOutcome.Stale, await bed.Pay.SendAsync(session, "succeeded"));
        await bed.Pay.Dispatcher.DispatchDueAsync(default);

        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(OrderStatus.Cancelled, await db.Orders.Where(o => o.Id == reserved.OrderId).Select(o => o.Status).SingleAsync());
        var incident = await db.PaymentIncidents.SingleAsync();
        Assert.Contains("refunded automatically", incident.Detail);
        Assert.Equal(0, await bed.RemainingAsync(item));
        Assert.Equal(19, await bed.SkuStockAsync(skuId));
        Assert.Equal(0, await bed.QuotaAsync(item, buyer));
    }

    [Fact]
    public async Task Offer_ReferencePriceIsTheLowestOfTheSevenDaysBeforeTheSlot()
    {
        await using var bed = await FlashTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (productId, skuId) = await bed.ProductAsync(price: 199m);
        // Paid at 159 six days ago (counts) and at 129 eight days ago (too old).
        foreach (var (price, daysAgo) in new[] { (159m, 6), (129m, 8) })
        {
            var buyer = (await bed.BuyersAsync("old" + daysAgo, 1))[0];
            await bed.QueryAsync(async db =>
            {
                var at = bed.Now.AddDays(-daysAgo);
                db.Orders.Add(new Order
                {
                    Number = OrderNumbers.New(at),
                    BuyerId = buyer,
                    CheckoutKey = Guid.NewGuid().ToString("N"),
                    Status = OrderStatus.Completed,
                    Currency = "CNY",
                    Subtotal = price,
                    Total = price,
                    Recipient = "张三",
                    Mobile = "13800138000",
                    Province = "上海市",
                    City = "上海市",
                    District = "徐汇区",
                    AddressDetail = "1 号",
                    CreatedAt = at,
                    PayBy = at.AddMinutes(15),
                    PaidAt = at,
                    Lines = { new OrderLine { ProductId = productId, SkuId = skuId, ProductTitle = "x", SkuLabel = "", CoverKey = "", UnitPrice = price, Quantity = 1, Subtotal = price, Payable = price } },
                });
                return await db.SaveChangesAsync();
            });
        }
        var slot = await bed.SlotAsync(TimeSpan.FromHours(2));
        await bed.Flash.AddItemAsync(bed.Admin, slot, new FlashItemInput(skuId, 99m, 10, 1), default);

        var offer = Assert.Single(await bed.Queries.ForProductAsync(productId, default));

        Assert.Equal(99m, offer.Price);
        Assert.Equal(159m, offer.ReferencePrice);
        Assert.True(offer.ShowsReference);
        Assert.Equal(FlashSlotState.Upcoming, offer.StateAt(bed.Now));
        var listed = Assert.Single(await bed.Queries.CurrentAndUpcomingAsync(default));
        Assert.Equal(159m, Assert.Single(listed.Offers).ReferencePrice);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AdminFigures_CountRealReservationsAndPaidOrders(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, _) = await bed.LiveItemAsync(slotStock: 10, limit: 1);
        var buyers = await bed.BuyersAsync("fb", 3);
        var paid = await bed.ReserveAsync(buyers[0], item);
        await bed.ReserveAsync(buyers[1], item);
        var cancelled = await bed.ReserveAsync(buyers[2], item);
        await new OrderService(bed.Factory, bed.Pay.Clock).CancelAsync(buyers[2], cancelled.Number, default);
        var session = await bed.Pay.StartAsync(new TestOrder(paid.OrderId, paid.Number, buyers[0], 0, 0, 1, paid.Total));
        Assert.Equal(CallbackOutcome.Applied, await bed.Pay.SendAsync(session, "succeeded"));

        var slot = Assert.Single(await bed.Queries.AdminSlotsAsync(bed.Admin, default));

        var figures = Assert.Single(slot.Items);
        Assert.Equal((10, 8, 2, 1, 1), (figures.Stock, figures.Remaining, figures.Sold, figures.PaidOrders, figures.PaidUnits));
        Assert.Equal((10, 2, 1), (slot.Stock, slot.Sold, slot.PaidOrders));
    }
}
