using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Levels;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Coupons;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>The creator centre's views, days and followers over time, and creators by member level (ADR-066), on a small exact fixture.</summary>
public class CreatorCentreTests
{
    // The bed's clock starts at 2026-11-20 08:00 UTC = 16:00 in the shop's zone (UTC+8): shop day 11/20.
    private static readonly DateTimeOffset Now = CouponTestBed.Start;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PerNoteViews_Days_AndFollowersOverTime_AreExactCountsOfRows(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var second = await TestData.NoteAsync(r.Factory, r.Creator.Id, "第二篇", at: Now.AddDays(-3));
        var stranger = await r.Bed.UserAsync("stranger");
        var others = await TestData.NoteAsync(r.Factory, stranger.Id, "别人的笔记", at: Now.AddDays(-3));
        var fans = new[] { r.Buyer, stranger, await r.Bed.UserAsync("fan3") };
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            BehaviourEvent View(long noteId, DateTimeOffset at, BehaviourKind kind = BehaviourKind.View) =>
                new() { Kind = kind, ClientKey = "c:" + Guid.NewGuid().ToString("N")[..8], NoteId = noteId, DwellMs = 4000, OccurredAt = at };
            db.BehaviourEvents.AddRange(
                View(r.NoteId, Now), View(r.NoteId, Now.AddHours(-1)), View(r.NoteId, Now.AddHours(-7)), // 11/20 (shop day)
                View(r.NoteId, Now.AddDays(-2)), View(r.NoteId, Now.AddDays(-2).AddMinutes(5)),          // 11/18
                View(r.NoteId, Now.AddDays(-10)),                                                          // 11/10: in 30, not in 7
                View(second.Id, Now.AddHours(-9)),                                                         // 07:00 UTC = 15:00 shop, 11/20
                View(r.NoteId, Now, BehaviourKind.Like),                                                   // not a view
                View(others.Id, Now));                                                                     // not the creator's
            db.NoteLikes.AddRange(new NoteLike { UserId = r.Buyer.Id, NoteId = r.NoteId, CreatedAt = Now }, new NoteLike { UserId = stranger.Id, NoteId = r.NoteId, CreatedAt = Now.AddDays(-1) });
            db.Follows.AddRange(
                new Follow { FollowerId = fans[0].Id, FolloweeId = r.Creator.Id, CreatedAt = Now.AddDays(-20) },
                new Follow { FollowerId = fans[1].Id, FolloweeId = r.Creator.Id, CreatedAt = Now.AddDays(-1) },
                new Follow { FollowerId = fans[2].Id, FolloweeId = r.Creator.Id, CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, r.Product.ProductId, null), default);
        var order = await r.BuyAsync(r.Buyer.Id, quantity: 2);
        await OrderTestData.PayAsync(r.Factory, order, Now);

        var week = await r.Centre.LoadAsync(r.Creator.Id, 7, default);
        Assert.Equal((7, 7, 6), (week.Days, week.ViewDays, week.Views));
        var first = week.Notes.Single(n => n.NoteId == r.NoteId);
        Assert.Equal((5, 2, 1, 1, 400m, 40m), (first.Views, first.Likes, first.Orders, first.ProductClicks, first.Gmv, first.Commission));
        Assert.Equal(1, week.Notes.Single(n => n.NoteId == second.Id).Views);
        Assert.Equal(2, week.NewFollowers);
        Assert.Equal(7, week.Daily.Count);
        Assert.Equal(new DateOnly(2026, 11, 14), week.Daily[0].Day);
        var today = week.Daily[^1];
        Assert.Equal((new DateOnly(2026, 11, 20), 4, 1, 1, 400m, 40m, 3), (today.Day, today.Views, today.Likes, today.Orders, today.Gmv, today.Commission, today.Followers));
        Assert.Equal((0, 1, 2), (week.Daily[^2].Views, week.Daily[^2].Likes, week.Daily[^2].Followers)); // 11/19
        Assert.Equal((2, 1), (week.Daily[^3].Views, week.Daily[^3].Followers));                          // 11/18
        Assert.Equal([1, 1, 1, 1, 1, 2, 3], week.Daily.Select(d => d.Followers));
        Assert.Equal(week.Views, week.Daily.Sum(d => d.Views));
        Assert.Equal(week.Commission, week.Daily.Sum(d => d.Commission));

        var month = await r.Centre.LoadAsync(r.Creator.Id, 30, default);
        Assert.Equal((6, 30, 3), (month.Notes.Single(n => n.NoteId == r.NoteId).Views, month.Daily.Count, month.NewFollowers));
        Assert.Equal(3, month.Daily[^1].Followers);

        // Views exist only for the behaviour-event retention: a period longer than it shows (and says) fewer days.
        var shortKept = new CreatorCentreQueries(r.Factory, r.Bed.Clock, Options.Create(new BehaviourEventOptions { RetentionDays = 2 }));
        var kept = await shortKept.LoadAsync(r.Creator.Id, 7, default);
        Assert.Equal((2, 4, 3), (kept.ViewDays, kept.Views, kept.Notes.Single(n => n.NoteId == r.NoteId).Views));

        // Junk periods read as 7 days.
        Assert.Equal(7, (await r.Centre.LoadAsync(r.Creator.Id, -3, default)).Days);
        Assert.Equal(7, CreatorCentreQueries.Period(null));
        Assert.Equal(7, CreatorCentreQueries.Period(8));
        Assert.Equal(90, CreatorCentreQueries.Period(90));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMemberAtTheConfiguredLevel_IsACreatorWithoutEnablement_UnlessDisabled(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider, enableCreator: false);
        var directory = new CreatorDirectory(r.Factory, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        var admin = new CreatorAdminService(r.Factory, r.Bed.Clock, directory);
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            db.MemberLevels.RemoveRange(db.MemberLevels);
            db.MemberLevels.AddRange(
                new MemberLevel { Rank = 0, Name = "新人", Threshold = 0, UpdatedAt = Now },
                new MemberLevel { Rank = 1, Name = "达人", Threshold = 100, UpdatedAt = Now },
                new MemberLevel { Rank = 2, Name = "大咖", Threshold = 1000, UpdatedAt = Now });
            db.GrowthEntries.AddRange(
                new GrowthEntry { UserId = r.Creator.Id, Amount = 80, Kind = GrowthKind.Note, SourceKey = "t:1", CreatedAt = Now },
                new GrowthEntry { UserId = r.Creator.Id, Amount = 40, Kind = GrowthKind.Review, SourceKey = "t:2", CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        Assert.False(await r.Ledger.IsCreatorAsync(r.Creator.Id, default));
        Assert.Empty(await directory.DisclosedNotesAsync(default));

        // Bad input and non-admins change nothing.
        var nobody = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, r.Buyer.Id)], "test"));
        Assert.Equal(ReferralErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => admin.SetCreatorLevelAsync(nobody, 1, default))).Code);
        Assert.Equal(ReferralErrors.LevelNotFound, (await Assert.ThrowsAsync<DomainException>(() => admin.SetCreatorLevelAsync(r.AdminPrincipal, 7, default))).Code);
        Assert.Null((await admin.SettingsAsync(default)).CreatorMinLevelRank);

        // Level 2 (growth ≥ 1000): 120 is not enough. Level 1 (≥ 100): a creator, earning on the note's sales.
        await admin.SetCreatorLevelAsync(r.AdminPrincipal, 2, default);
        Assert.False(await r.Ledger.IsCreatorAsync(r.Creator.Id, default));
        await admin.SetCreatorLevelAsync(r.AdminPrincipal, 1, default);
        Assert.True(await r.Ledger.IsCreatorAsync(r.Creator.Id, default));
        Assert.False(await r.Ledger.IsCreatorAsync(r.Buyer.Id, default));
        Assert.Equal(r.NoteId, Assert.Single(await directory.DisclosedNotesAsync(default)));
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, r.Product.ProductId, null), default);
        var order = await r.BuyAsync(r.Buyer.Id);
        await OrderTestData.PayAsync(r.Factory, order, Now);
        Assert.Equal(20m, Assert.Single(await r.EntriesAsync()).Amount);
        Assert.Equal(2, await r.Bed.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "creator.level")));

        // An explicit disable by the admin wins over the level.
        await admin.SetCreatorAsync(r.AdminPrincipal, "creator", false, default);
        Assert.False(await r.Ledger.IsCreatorAsync(r.Creator.Id, default));
        Assert.Empty(await directory.DisclosedNotesAsync(default));
        await admin.SetCreatorLevelAsync(r.AdminPrincipal, null, default);
        Assert.Null((await admin.SettingsAsync(default)).CreatorMinLevelRank);
    }
}
