using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class AnonymousCartCleanerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sweep_AnonymousCartsUnchangedPastMaxAge_DeletedUserCartsAndRecentCartsKept(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var (_, skuA) = await bed.SimpleProductAsync("甲", 10m, 50);
        var (_, skuB) = await bed.SimpleProductAsync("乙", 20m, 50);
        var user = await bed.UserAsync("cartkeeper");
        var old = CartItem.AnonymousOwner("old");
        var touched = CartItem.AnonymousOwner("touched");
        var signedIn = CartItem.UserOwner(user.Id);
        await bed.Cart.AddAsync(old, skuA, 1, default);
        await bed.Cart.AddAsync(old, skuB, 1, default);
        await bed.Cart.AddAsync(touched, skuA, 1, default);
        await bed.Cart.AddAsync(signedIn, skuA, 1, default);
        var cleaner = new AnonymousCartCleaner(bed.Db.Factory, bed.Clock, Options.Create(new AnonymousCartOptions()));

        bed.Clock.Advance(TimeSpan.FromDays(20));
        await bed.Cart.AddAsync(touched, skuB, 1, default); // a new line: the whole cart counts as changed
        Assert.Equal(0, await cleaner.SweepAsync(default));

        bed.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await cleaner.SweepAsync(default));
        Assert.Equal(0, await cleaner.SweepAsync(default));

        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        var left = await db.CartItems.GroupBy(c => c.OwnerKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.False(left.ContainsKey(old));
        Assert.Equal(2, left[touched]);
        Assert.Equal(1, left[signedIn]);

        bed.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(2, await cleaner.SweepAsync(default));
        Assert.Equal(1, await db.CartItems.CountAsync(c => c.OwnerKey == signedIn)); // never touched
    }

    [Fact]
    public async Task Sweep_ManyOldCarts_DeletesOneBatchPerRound()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (_, sku) = await bed.SimpleProductAsync("丙", 10m, 50);
        for (var i = 0; i < 5; i++) await bed.Cart.AddAsync(CartItem.AnonymousOwner($"t{i}"), sku, 1, default);
        var cleaner = new AnonymousCartCleaner(bed.Db.Factory, bed.Clock, Options.Create(new AnonymousCartOptions { MaxAgeDays = 3, BatchSize = 2 }));
        bed.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));

        Assert.Equal(2, await cleaner.SweepAsync(default));
        Assert.Equal(2, await cleaner.SweepAsync(default));
        Assert.Equal(1, await cleaner.SweepAsync(default));
        Assert.Equal(0, await cleaner.SweepAsync(default));
    }
}
