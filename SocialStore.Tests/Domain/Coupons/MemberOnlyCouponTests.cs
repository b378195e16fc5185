using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Levels;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>Member-only campaigns (issue 13 §4, ADR-062): a level below the campaign's is refused and changes nothing.</summary>
public class MemberOnlyCouponTests
{
    private static async Task GrowAsync(CouponTestBed bed, string userId, int amount)
    {
        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        Assert.True(await GrowthLedger.AppendAsync(db, userId, amount, GrowthKind.Purchase, $"test:{userId}:{amount}", bed.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task Create_ValidatesTheLevel_RankZeroMeansEveryone()
    {
        await using var bed = await CouponTestBed.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(CouponErrors.LevelInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.TemplateAsync(CouponTestBed.Input() with { MinLevelRank = LevelRules.Defaults.Count }))).Code);
        Assert.Equal(CouponErrors.LevelInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.TemplateAsync(CouponTestBed.Input() with { MinLevelRank = -1 }))).Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.CouponTemplates.CountAsync()));

        var everyone = await bed.TemplateAsync(CouponTestBed.Input() with { MinLevelRank = 0 });
        Assert.Null(await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == everyone).Select(t => t.MinLevelRank).SingleAsync()));
        var v2 = await bed.TemplateAsync(CouponTestBed.Input() with { MinLevelRank = 2 });
        var listed = await bed.Coupons.ClaimableAsync(null, null, default);
        Assert.Equal(2, listed.Single(c => c.TemplateId == v2).MinLevelRank);
        Assert.Null(listed.Single(c => c.TemplateId == everyone).MinLevelRank);
        Assert.Equal(2, (await bed.Coupons.FiguresAsync(CouponTestBed.Admin, default)).Single(f => f.Id == v2).MinLevelRank);
    }

    [Fact]
    public async Task Claim_BelowTheLevel_RefusedNothingTaken_ExactlyAtTheThreshold_Claimed()
    {
        await using var bed = await CouponTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var template = await bed.TemplateAsync(CouponTestBed.Input(total: 5) with { MinLevelRank = 2 }); // V2 from 2 000
        var user = await bed.UserAsync("member");
        await GrowAsync(bed, user.Id, 1_999);

        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(user.Id, template, CouponSource.CouponCentre, default));
        Assert.Equal(CouponErrors.LevelRequired, refused.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Coupons.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync()));

        await GrowAsync(bed, user.Id, 1);
        await bed.Coupons.ClaimAsync(user.Id, template, CouponSource.ProductPage, default);
        Assert.Equal(1, await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync()));
        // The per-person limit still applies after the level check.
        Assert.Equal(CouponErrors.LimitReached, (await Assert.ThrowsAsync<DomainException>(() => bed.Coupons.ClaimAsync(user.Id, template, CouponSource.ProductPage, default))).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_MembersAndNonMembersInParallel_OnlyMembersGetTheTotal(DatabaseProvider provider)
    {
        await using var bed = await CouponTestBed.CreateAsync(provider);
        var template = await bed.TemplateAsync(CouponTestBed.Input(total: 5) with { MinLevelRank = 1 });
        var members = new List<string>();
        var others = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var member = await bed.UserAsync($"member{i}");
            await GrowAsync(bed, member.Id, 500);
            members.Add(member.Id);
            others.Add((await bed.UserAsync($"visitor{i}")).Id);
        }

        var outcomes = await Task.WhenAll(members.Concat(others).Select(u => Task.Run(async () =>
        {
            try { await bed.Coupons.ClaimAsync(u, template, CouponSource.CouponCentre, default); return (u, "ok"); }
            catch (DomainException ex) { return (u, ex.Code); }
        })));

        Assert.All(outcomes.Where(o => others.Contains(o.u)), o => Assert.Equal(CouponErrors.LevelRequired, o.Item2));
        Assert.Equal(5, outcomes.Count(o => o.Item2 == "ok"));
        Assert.All(outcomes.Where(o => members.Contains(o.u) && o.Item2 != "ok"), o => Assert.Equal(CouponErrors.SoldOut, o.Item2));
        var holders = await bed.QueryAsync(db => db.Coupons.Where(c => c.TemplateId == template).Select(c => c.UserId).ToListAsync());
        Assert.Equal(5, holders.Count);
        Assert.All(holders, h => Assert.Contains(h, members));
        Assert.Equal(5, await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync()));
    }
}
