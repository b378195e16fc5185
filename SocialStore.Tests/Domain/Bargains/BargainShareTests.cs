using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Bargains;

/// <summary>A bargain as a share target (ADR-057): one /s/ link per sharer, opening /bargains/{id}, visits recorded.</summary>
public sealed class BargainShareTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OwnerShare_IsOneLink_OpensTheBargain_VisitsRecorded_UnknownRefused(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync();
        var owner = await bed.UserAsync();
        var friend = await bed.UserAsync();
        var bargainId = await bed.Service.StartAsync(owner, campaign, default);
        var shares = TestServices.Get<ShareService>(bed.Db, bed.Clock);

        var link = await shares.GetOrCreateLinkAsync(owner, ShareTargetType.Bargain, bargainId.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        var again = await shares.GetOrCreateLinkAsync(owner, ShareTargetType.Bargain, "00" + bargainId, default);
        Assert.Equal($"/bargains/{bargainId}", link.CanonicalPath);
        Assert.Equal(link.Code, again.Code);

        var visit = await shares.RecordVisitAsync(link.Code, "https://wechat.example/chat?x=1", friend);
        Assert.NotNull(visit);
        Assert.Equal($"/bargains/{bargainId}", visit.CanonicalPath);
        Assert.False(visit.Counted); // only notes have a share count; the visit itself is a real row
        await shares.RecordVisitAsync(link.Code, null, null, clientAddress: "10.0.0.9");

        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var row = await db.ShareLinks.SingleAsync(l => l.Code == link.Code);
            Assert.Equal((owner, ShareTargetType.Bargain, bargainId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (row.SharerId, row.TargetType, row.TargetId));
            Assert.Equal(2, await db.ShareVisits.CountAsync(v => v.ShareLinkId == row.Id));
            Assert.Equal(1, await db.ShareVisits.CountAsync(v => v.ShareLinkId == row.Id && v.VisitorId == friend));
        }

        foreach (var bad in new[] { "999999", "0", "-1", "abc", "" })
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => shares.GetOrCreateLinkAsync(owner, ShareTargetType.Bargain, bad, default));
            Assert.Equal(ShareErrors.TargetNotFound, ex.Code);
        }
        await using var check = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await check.ShareLinks.CountAsync());
    }
}
