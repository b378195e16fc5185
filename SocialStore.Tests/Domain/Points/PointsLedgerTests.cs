using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Points;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Points;

/// <summary>The ledger and the daily check-in, against real databases.</summary>
public class PointsLedgerTests
{
    [Fact]
    public async Task Credit_SameSourceTwice_CreditsOnce()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("referrer");

        Assert.True(await bed.CreditAsync(user.Id, 50, "referral:1"));
        Assert.False(await bed.CreditAsync(user.Id, 50, "referral:1"));
        Assert.True(await bed.CreditAsync(user.Id, 30, "referral:2"));

        await bed.AssertConsistentAsync(user.Id, 80);
        Assert.Equal(2, await bed.QueryAsync(db => db.PointsEntries.CountAsync(e => e.UserId == user.Id)));
    }

    [Fact]
    public async Task CheckIn_TwiceInOneShanghaiDay_SecondRefused()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("daily");

        var first = await bed.Points.CheckInAsync(user.Id, default);
        bed.Clock.Advance(TimeSpan.FromHours(7)); // 23:00 Shanghai, same day
        var again = await Assert.ThrowsAsync<DomainException>(() => bed.Points.CheckInAsync(user.Id, default));

        Assert.Equal(PointsErrors.AlreadyCheckedIn, again.Code);
        Assert.Equal((new DateOnly(2026, 11, 20), 1, 5), (first.Day, first.Streak, first.Points));
        await bed.AssertConsistentAsync(user.Id, 5);
    }

    [Fact]
    public async Task CheckIn_At235959And000000Shanghai_TwoDaysWithStreakBonus()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("midnight");
        // 23:59:59 on 20 Nov in Shanghai is 15:59:59 UTC.
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 15, 59, 59, TimeSpan.Zero));
        var late = await bed.Points.CheckInAsync(user.Id, default);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var early = await bed.Points.CheckInAsync(user.Id, default);

        Assert.Equal((new DateOnly(2026, 11, 20), 1, 5), (late.Day, late.Streak, late.Points));
        Assert.Equal((new DateOnly(2026, 11, 21), 2, 6), (early.Day, early.Streak, early.Points));
        // A missed day starts the streak again.
        bed.Clock.Advance(TimeSpan.FromDays(2));
        var afterGap = await bed.Points.CheckInAsync(user.Id, default);
        Assert.Equal((1, 5), (afterGap.Streak, afterGap.Points));
        await bed.AssertConsistentAsync(user.Id, 16);
        var page = await bed.Points.MineAsync(user.Id, default);
        Assert.Equal((16, true, 1, 6), (page.Balance, page.CheckedInToday, page.Streak, page.NextAward));
        Assert.Equal(3, page.Entries.Count);
    }

    [Fact]
    public async Task CheckIn_StreakBonus_IsCapped()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("streaker");
        var awards = new List<int>();
        for (var day = 0; day < 8; day++)
        {
            awards.Add((await bed.Points.CheckInAsync(user.Id, default)).Points);
            bed.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([5, 6, 7, 8, 9, 10, 10, 10], awards);
        await bed.AssertConsistentAsync(user.Id, awards.Sum());
    }

    [Fact]
    public async Task Expire_AfterTheConfiguredMonths_OldestFirstAndOnce()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("saver");
        await bed.CreditAsync(user.Id, 100, "referral:old");
        bed.Clock.Advance(TimeSpan.FromDays(200));
        await bed.CreditAsync(user.Id, 40, "referral:new");
        // Spend 30: taken from the oldest credit, so 70 of it are left to expire.
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await PointsLedger.SpendAsync(db, user.Id, 30, "test-spend:1", bed.Clock.GetUtcNow(), default);

        bed.Clock.SetUtcNow(PointsTestBed.Start.AddMonths(12).AddSeconds(1));
        var page = await bed.Points.MineAsync(user.Id, default);
        var again = await bed.Points.MineAsync(user.Id, default);

        Assert.Equal(40, page.Balance);
        Assert.Equal(40, again.Balance);
        var expired = Assert.Single(await bed.QueryAsync(db => db.PointsEntries.Where(e => e.UserId == user.Id && e.Kind == PointsKind.Expired).ToListAsync()));
        Assert.Equal(-70, expired.Amount);
        await bed.AssertConsistentAsync(user.Id, 40);
    }

    [Fact]
    public async Task Spend_MoreThanTheBalance_RefusedAndNothingChanges()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("short");
        await bed.CreditAsync(user.Id, 20, "referral:1");

        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() => PointsLedger.SpendAsync(db, user.Id, 21, "test-spend:1", bed.Clock.GetUtcNow(), default));

        Assert.Equal(PointsErrors.NotEnough, ex.Code);
        await bed.AssertConsistentAsync(user.Id, 20);
    }
}
