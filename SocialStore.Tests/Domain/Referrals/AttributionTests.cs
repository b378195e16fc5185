using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Referrals;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>Touches and the attribution window, on a fake clock, through the real checkout (ADR-042 §1).</summary>
public class AttributionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastTouchWithinTheWindow_IsRecordedOnTheLine_OlderIsNot(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var late = await r.Bed.UserAsync("late");
        Assert.True((await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, r.Product.ProductId, null), default)).Recorded);
        Assert.True((await r.Attribution.RecordAsync(new TouchInput(late.Id, null, null, r.NoteId, 0, null), default)).Recorded);

        r.Bed.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var inWindow = await r.BuyAsync(r.Buyer.Id);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(2));
        var outOfWindow = await r.BuyAsync(late.Id);

        var rows = await r.Bed.QueryAsync(db => db.OrderLineAttributions.AsNoTracking().ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((inWindow.Lines.Single().Id, r.Creator.Id, r.NoteId), (row.OrderLineId, row.EarnerId, row.NoteId));
        Assert.DoesNotContain(rows, x => x.OrderId == outOfWindow.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConfiguredWindow_OfThreeDays_CutsOffAFourDayOldTouch(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        await r.Admin.SaveSettingsAsync(r.AdminPrincipal, 1000, 3, 7, default);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        r.Bed.Clock.Advance(TimeSpan.FromDays(4));
        await r.BuyAsync(r.Buyer.Id);
        Assert.Equal(0, await r.Bed.QueryAsync(db => db.OrderLineAttributions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnonymousTouch_CarriedOverOnSignIn_AttributesTheOrder(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var first = await r.Attribution.RecordAsync(new TouchInput(null, null, "203.0.113.9", r.NoteId, r.Product.ProductId, null), default);
        Assert.True(first.Recorded);
        Assert.True(AttributionService.IsWellFormedToken(first.BrowserToken));

        Assert.Equal(1, await r.Attribution.CarryOverAsync(r.Buyer.Id, first.BrowserToken, default));
        // The same cookie presented by another account later gives nothing more: the first sign-in took it.
        var other = await r.Bed.UserAsync("other");
        Assert.Equal(0, await r.Attribution.CarryOverAsync(other.Id, first.BrowserToken, default));
        r.Bed.Clock.Advance(TimeSpan.FromDays(1));
        var order = await r.BuyAsync(r.Buyer.Id);
        var row = Assert.Single(await r.Bed.QueryAsync(db => db.OrderLineAttributions.AsNoTracking().ToListAsync()));
        Assert.Equal(order.Lines.Single().Id, row.OrderLineId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AThousandCookielessVisitsFromOneAddress_OneTouchRow_AndTheAuthorNever(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var results = new List<TouchResult>();
        for (var i = 0; i < 1000; i += 50)
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
                r.Attribution.RecordAsync(new TouchInput(null, null, "198.51.100.7", r.NoteId, 0, null), default)))));
        Assert.Equal(1, results.Count(x => x.Recorded));
        // Signed in, reloading the page: still one row.
        for (var i = 0; i < 20; i++) await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        // The author touching their own note records nothing.
        Assert.False((await r.Attribution.RecordAsync(new TouchInput(r.Creator.Id, null, null, r.NoteId, 0, null), default)).Recorded);
        Assert.Equal(2, await r.Bed.QueryAsync(db => db.AttributionTouches.CountAsync()));
        // A day later the same address counts once more.
        r.Bed.Clock.Advance(TimeSpan.FromDays(1));
        await r.Attribution.RecordAsync(new TouchInput(null, null, "198.51.100.7", r.NoteId, 0, null), default);
        Assert.Equal(3, await r.Bed.QueryAsync(db => db.AttributionTouches.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ShareLinkTouch_CreditsTheSharer_NotTheAuthor(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var sharer = await r.Bed.UserAsync("sharer");
        var shares = SocialStore.Tests.Infrastructure.TestServices.Get<SocialStore.Domain.Sharing.ShareService>(r.Bed.Db, r.Bed.Clock);
        var link = await shares.GetOrCreateLinkAsync(sharer.Id, SocialStore.Domain.Sharing.ShareTargetType.Note, r.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, 0, 0, link.Code), default);
        await r.BuyAsync(r.Buyer.Id);
        var row = Assert.Single(await r.Bed.QueryAsync(db => db.OrderLineAttributions.AsNoTracking().ToListAsync()));
        Assert.Equal((sharer.Id, r.NoteId), (row.EarnerId, row.NoteId));
        Assert.NotNull(row.ShareLinkId);
    }
}
