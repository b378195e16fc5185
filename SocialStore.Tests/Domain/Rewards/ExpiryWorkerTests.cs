using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Points;
using SocialStore.Domain.RedPackets;
using SocialStore.Domain.Rewards;
using SocialStore.Tests.Domain.RedPackets;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Rewards;

/// <summary>Expiry happens by itself (ADR-054): points and group red packets are settled by workers, not only when someone looks.</summary>
public class ExpiryWorkerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PointsSweep_ExpiresWhatIsDueOnce_WithoutAnyRead_AndParallelSweepsDoNotRepeatIt(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var alice = await TestData.UserAsync(bed.Factory, "alice");
        var bob = await TestData.UserAsync(bed.Factory, "bob");
        var start = bed.Clock.GetUtcNow();
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            await PointsLedger.CreditAsync(db, alice.Id, 100, PointsKind.CheckIn, "test:a1", start, default);
            await PointsLedger.CreditAsync(db, bob.Id, 50, PointsKind.CheckIn, "test:b1", start, default);
            await PointsLedger.SpendAsync(db, bob.Id, 20, "test:b-spend", start, default);
        }
        var sweeper = new PointsExpirySweeper(bed.Factory, bed.Clock);
        Assert.Equal(0, await sweeper.SweepAsync(default)); // nothing due yet
        bed.Clock.Advance(TimeSpan.FromDays(30));
        await using (var db = await bed.Factory.CreateDbContextAsync())
            await PointsLedger.CreditAsync(db, alice.Id, 7, PointsKind.CheckIn, "test:a2", bed.Clock.GetUtcNow(), default);

        bed.Clock.Advance(TimeSpan.FromDays(340)); // past the 12 months of the first credits, not of the second
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => sweeper.SweepAsync(default))));
        Assert.Equal(100 + 30, sweeps.Sum());
        Assert.Equal(0, await sweeper.SweepAsync(default));

        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            Assert.Equal(7, await PointsLedger.BalanceAsync(db, alice.Id, default));
            Assert.Equal(0, await PointsLedger.BalanceAsync(db, bob.Id, default));
            foreach (var user in new[] { alice.Id, bob.Id })
                Assert.Equal(await db.PointsEntries.Where(e => e.UserId == user).SumAsync(e => e.Amount), await PointsLedger.BalanceAsync(db, user, default));
            Assert.Equal(2, await db.PointsEntries.CountAsync(e => e.Kind == PointsKind.Expired));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workers_OnTheirOwnTimer_ExpirePointsAndReturnAnUnclaimedRedPacket(DatabaseProvider provider)
    {
        await using var bed = await RedPacketTestBed.CreateAsync(provider);
        var alice = await TestData.UserAsync(bed.Factory, "alice");
        await using (var db = await bed.Factory.CreateDbContextAsync())
            // Credited 12 months ago less half an hour: it expires 30 minutes from now.
            await PointsLedger.CreditAsync(db, alice.Id, 40, PointsKind.CheckIn, "test:a1", bed.Clock.GetUtcNow().AddMonths(-12).AddMinutes(30), default);
        var packetId = await bed.Service.CreateAsync(bed.Admin, new RedPacketInput("恭喜发财", 3, 6m, 1), default);
        await bed.Service.ClaimAsync(alice.Id, packetId, default);

        using var pointsWorker = new PointsExpiryWorker(new PointsExpirySweeper(bed.Factory, bed.Clock), bed.Clock, NullLogger<PointsExpiryWorker>.Instance);
        using var packetWorker = new RedPacketExpiryWorker(bed.Service, bed.Clock, NullLogger<RedPacketExpiryWorker>.Instance);
        await pointsWorker.StartAsync(default);
        await packetWorker.StartAsync(default);
        try
        {
            // Let the first rounds (at start: nothing due) finish before the clock moves.
            await Eventually(async () => await Query(bed, db => db.ExpirySweeps.AnyAsync()));
            // One hour and a minute later the packet (1 hour) and the points (30 minutes) have expired; the workers' own ticks
            // settle both. (Small steps: a fake clock fires a periodic timer once per elapsed period.)
            bed.Clock.Advance(TimeSpan.FromMinutes(61));
            await Eventually(async () => await Query(bed, db => db.RedPackets.AnyAsync(p => p.Id == packetId && p.ReturnedAt != null)));
            var packet = await Query(bed, db => db.RedPackets.AsNoTracking().SingleAsync(p => p.Id == packetId));
            var claimed = await Query(bed, db => db.RedPacketSlots.Where(s => s.PacketId == packetId && s.ClaimedBy != null).SumAsync(s => s.Amount));
            Assert.Equal(6m, claimed + packet.ReturnedAmount!.Value);

            await Eventually(async () => await Query(bed, db => db.PointsEntries.AnyAsync(e => e.UserId == alice.Id && e.Kind == PointsKind.Expired)));
            Assert.Equal(0, await Query(bed, db => PointsLedger.BalanceAsync(db, alice.Id, default)));
        }
        finally
        {
            await pointsWorker.StopAsync(default);
            await packetWorker.StopAsync(default);
        }
    }

    private static async Task<T> Query<T>(RedPacketTestBed bed, Func<SocialStore.Domain.Data.SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await bed.Factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits for a background round to have written (the clock is fake; this only waits for the worker's task to run).</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the worker did not run");
            await Task.Delay(50);
        }
    }
}
