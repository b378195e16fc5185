using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.RedPackets;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.RedPackets;

/// <summary>Claims under contention, on SQLite and on the real PostgreSQL server.</summary>
public sealed class RedPacketContentionTests
{
    private static async Task<List<string>> AllAtOnceAsync(int count, Func<int, Task> work)
    {
        using var go = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, count).Select(async i =>
        {
            await go.WaitAsync();
            try { await work(i); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        }).ToList();
        go.Release(count);
        return [.. await Task.WhenAll(attempts)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HundredPeopleAtOnce_OnTenSlots_TenClaims_SumsExact(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var id = await bed.PacketAsync(slots: 10, total: 8.88m);
        var users = new List<string>();
        for (var i = 0; i < 100; i++) users.Add(await bed.UserAsync());

        var results = await AllAtOnceAsync(100, i => bed.Service.ClaimAsync(users[i], id, default));

        Assert.Equal(10, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(RedPacketErrors.AllClaimed, r));
        var slots = await bed.SlotsAsync(id);
        Assert.All(slots, s => Assert.NotNull(s.ClaimedBy));
        Assert.Equal(10, slots.Select(s => s.ClaimedBy).Distinct().Count());
        Assert.Equal(8.88m, slots.Sum(s => s.Amount));
        Assert.Equal(10, (await bed.PacketRowAsync(id)).Claimed);
        await using var db = await bed.Factory.CreateDbContextAsync();
        var couponIds = slots.Select(s => s.CouponId!.Value).ToList();
        Assert.Equal(8.88m, (await db.Coupons.Where(c => couponIds.Contains(c.Id)).Select(c => c.Template!.Amount).ToListAsync()).Sum());
        Assert.Equal(10, await db.Coupons.CountAsync(c => c.Source == SocialStore.Domain.Coupons.CouponSource.RedPacket));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnePersonTwentyTimesAtOnce_OneSlot(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var id = await bed.PacketAsync(slots: 10, total: 20m);
        var user = await bed.UserAsync();

        var results = await AllAtOnceAsync(20, _ => bed.Service.ClaimAsync(user, id, default));

        Assert.Equal(1, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(RedPacketErrors.AlreadyClaimed, r));
        var slots = await bed.SlotsAsync(id);
        Assert.Single(slots, s => s.ClaimedBy == user);
        Assert.Equal(1, slots.Count(s => s.ClaimedBy != null));
        Assert.Equal(1, (await bed.PacketRowAsync(id)).Claimed);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Coupons.CountAsync(c => c.UserId == user));
    }
}
