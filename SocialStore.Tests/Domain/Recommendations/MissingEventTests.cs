using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>ADR-053 §2: add to cart, order placed, share and product-tag clicks are behaviour events, with the consent state.</summary>
public class MissingEventTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddToCart_OrderPlaced_Share_AndProductClick_AreRecorded_WithConsent(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var options = Microsoft.Extensions.Options.Options.Create(new BehaviourEventOptions());
        var sink = new BehaviourEventSink(bed.Clock, options);
        var writer = new BehaviourEventWriter(sink, bed.Db.Factory, options, NullLogger<BehaviourEventWriter>.Instance);
        var cart = TestServices.Get<CartService>(bed.Db, bed.Clock, s => s.AddSingleton(bed.Notifier).AddSingleton(sink));
        var shares = TestServices.Get<ShareService>(bed.Db, bed.Clock, s => s.AddSingleton(sink));
        var cream = await bed.SimpleProductAsync("面霜", 33.33m, 10);
        var mask = await bed.SimpleProductAsync("面膜", 9.9m, 10);
        var buyer = await bed.UserAsync("buyer");
        var private_ = await bed.UserAsync("private");
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
        {
            db.PersonalisationSettings.Add(new PersonalisationSetting { UserId = private_.Id, Enabled = false, UpdatedAt = bed.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var note = await TestData.NoteAsync(bed.Db.Factory, buyer.Id, "面霜测评");

        await cart.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 1, default);
        await cart.AddAsync(CartItem.UserOwner(private_.Id), mask.SkuId, 2, default);
        await shares.GetOrCreateLinkAsync(private_.Id, ShareTargetType.Note, note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        // 1,000 clicks of one product tag from one client in a second: one event per dwell window.
        var client = BehaviourEventSink.ClientKeyFor(null, "203.0.113.9");
        var accepted = Enumerable.Range(0, 1000).Count(_ => sink.Record(BehaviourKind.ProductClick, null, client, noteId: note.Id, productId: cream.ProductId));
        // A refused add (more than in stock) records nothing.
        await Assert.ThrowsAsync<SocialStore.Domain.Common.DomainException>(() => cart.AddAsync(CartItem.UserOwner(buyer.Id), mask.SkuId, 11, default));
        await writer.DrainAsync(default);

        var events = await Events(bed);
        Assert.Equal(1, accepted);
        Assert.Equal(
            [(BehaviourKind.AddToCart, buyer.Id, (long?)null, (long?)cream.ProductId, true), (BehaviourKind.AddToCart, private_.Id, null, mask.ProductId, false),
             (BehaviourKind.Share, private_.Id, note.Id, null, false), (BehaviourKind.ProductClick, null, note.Id, cream.ProductId, false)],
            events.Select(e => (e.Kind, e.UserId, e.NoteId, e.ProductId, e.Personalised)));

        // An order placed is written with the order, in its transaction: one row per product, no queue.
        var orderer = await bed.UserAsync("orderer");
        var address = await bed.PrepareBuyerAsync(orderer.Id, (cream.ProductId, cream.SkuId, 33.33m, 1), (mask.ProductId, mask.SkuId, 9.9m, 1));
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(orderer.Id, Guid.NewGuid().ToString(), address, [cream.SkuId, mask.SkuId]), default);
        Assert.True(placed.Created);
        var orders = (await Events(bed)).Where(e => e.Kind == BehaviourKind.Order).ToList();
        Assert.Equal([(cream.ProductId, true), (mask.ProductId, true)], orders.Select(e => (e.ProductId!.Value, e.Personalised)).Order());
        Assert.All(orders, e => Assert.Equal(orderer.Id, e.UserId));
    }

    private static async Task<List<BehaviourEvent>> Events(CartTestBed bed)
    {
        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        return await db.BehaviourEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }
}
