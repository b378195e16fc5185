using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.RedPackets;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.RedPackets;

/// <summary>Creating, claiming, viewing and returning group red packets on the real databases.</summary>
public sealed class RedPacketServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_SplitsIntoSlotsThatSumToTheTotal(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var id = await bed.PacketAsync(slots: 7, total: 12.34m);
        var slots = await bed.SlotsAsync(id);
        Assert.Equal(7, slots.Count);
        Assert.Equal(12.34m, slots.Sum(s => s.Amount));
        Assert.All(slots, s => Assert.True(s.Amount >= 0.01m && s.ClaimedBy is null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_PutsANoThresholdCouponOfTheSlotAmountInTheWallet_AndThePageShowsIt(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var id = await bed.PacketAsync(slots: 3, total: 5m);
        var user = await bed.UserAsync();
        var claim = await bed.Service.ClaimAsync(user, id, default);
        Assert.Equal(1, claim.Seq);
        Assert.Equal((await bed.SlotsAsync(id))[0].Amount, claim.Amount);

        var wallet = await new CouponService(bed.Factory, bed.Clock).MineAsync(user, true, default);
        var coupon = Assert.Single(wallet.Usable);
        Assert.Equal((CouponKind.NoThreshold, claim.Amount, CouponSource.RedPacket, 0m), (coupon.Kind, coupon.Amount, coupon.Source, coupon.Threshold));
        Assert.Equal(RedPacketTestBed.Start.AddDays(RedPacket.CouponValidDays), coupon.ValidUntil);

        var view = await bed.Service.ViewAsync(id, user, default);
        Assert.NotNull(view);
        Assert.Equal((1, 2, claim.Amount), (view.Claimed, view.SlotsLeft, view.Mine!.Amount));
        Assert.Single(view.ClaimedSlots);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadInput_IsRefusedWithItsCode_AndWritesNothing(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        async Task<string> Code(RedPacketInput input) =>
            (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateAsync(bed.Admin, input, default))).Code;
        Assert.Equal(RedPacketErrors.TitleInvalid, await Code(new("  ", 10, 10m, 24)));
        Assert.Equal(RedPacketErrors.SlotsInvalid, await Code(new("红包", 0, 10m, 24)));
        Assert.Equal(RedPacketErrors.SlotsInvalid, await Code(new("红包", 101, 10m, 24)));
        Assert.Equal(RedPacketErrors.TotalInvalid, await Code(new("红包", 10, 0.09m, 24)));
        Assert.Equal(RedPacketErrors.TotalInvalid, await Code(new("红包", 10, 200.01m, 24)));
        Assert.Equal(RedPacketErrors.TotalInvalid, await Code(new("红包", 2, 1.005m, 24)));
        Assert.Equal(RedPacketErrors.ExpiryInvalid, await Code(new("红包", 2, 1m, 0)));
        var shopper = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, await bed.UserAsync())], "test"));
        Assert.Equal(RedPacketErrors.AdminOnly,
            (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateAsync(shopper, new("红包", 2, 1m, 24), default))).Code);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.RedPackets.CountAsync());

        var someone = await bed.UserAsync();
        Assert.Equal(RedPacketErrors.NotFound,
            (await Assert.ThrowsAsync<DomainException>(() => bed.Service.ClaimAsync(someone, 999_999, default))).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterExpiry_NoClaim_AndTheUnclaimedAmountIsReturnedExactlyOnce(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var id = await bed.PacketAsync(slots: 5, total: 10m, hours: 2);
        var a = await bed.Service.ClaimAsync(await bed.UserAsync(), id, default);
        var b = await bed.Service.ClaimAsync(await bed.UserAsync(), id, default);
        Assert.False(await bed.Service.ReturnUnclaimedAsync(id, default)); // not expired yet

        bed.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(RedPacketErrors.Expired,
            (await Assert.ThrowsAsync<DomainException>(async () => await bed.Service.ClaimAsync(await bed.UserAsync(), id, default))).Code);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => bed.Service.ReturnUnclaimedAsync(id, default))));
        Assert.Equal(1, results.Count(r => r));
        var packet = await bed.PacketRowAsync(id);
        Assert.Equal(10m - a.Amount - b.Amount, packet.ReturnedAmount);
        Assert.Equal(bed.Clock.GetUtcNow(), packet.ReturnedAt);

        // Reading again (page, back office) returns nothing more.
        var view = await bed.Service.ViewAsync(id, null, default);
        Assert.Equal((true, 10m - a.Amount - b.Amount, 3), (view!.Expired, view.ReturnedAmount, view.SlotsLeft));
        Assert.Equal(0, await bed.Service.ReturnExpiredAsync(default));
        var figures = Assert.Single(await bed.Service.FiguresAsync(bed.Admin, default));
        Assert.Equal((2, a.Amount + b.Amount, packet.ReturnedAmount), (figures.Claimed, figures.ClaimedAmount, figures.ReturnedAmount));
        Assert.Equal(figures.Total, figures.ClaimedAmount + figures.ReturnedAmount);
    }
}
