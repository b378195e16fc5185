using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Sharing;

public class ShareServiceTests
{
    private static (ShareService Shares, TestCommunity Community, FakeTimeProvider Clock) Arrange(TestDatabase db)
    {
        var clock = new FakeTimeProvider(TestCommunity.Start.AddDays(1));
        return (TestServices.Get<ShareService>(db, clock), new TestCommunity(db.Factory), clock);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetOrCreateLink_SameSharerAndTarget_ReusesTheLink(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var other = await community.UserAsync("other");
        var note = await community.NoteAsync(sharer.Id);

        var first = await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), CancellationToken.None);
        var again = await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, "00" + note.Id, CancellationToken.None);
        var byOther = await shares.GetOrCreateLinkAsync(other.Id, ShareTargetType.Note, note.Id.ToString(), CancellationToken.None);

        Assert.Equal(first.Code, again.Code);
        Assert.NotEqual(first.Code, byOther.Code);
        Assert.Equal($"/notes/{note.Id}", first.CanonicalPath);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(2, await context.ShareLinks.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetOrCreateLink_ConcurrentCallsFromOneUserForOneTarget_YieldOneLink(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var product = await community.ProductAsync();
        using var go = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Product, product.Id.ToString(), CancellationToken.None);
        })).ToList();
        go.Set();
        var links = await Task.WhenAll(calls);

        Assert.Single(links.Select(l => l.Code).Distinct());
        await using var context = await db.Factory.CreateDbContextAsync();
        var row = Assert.Single(await context.ShareLinks.ToListAsync());
        Assert.Equal(links[0].Code, row.Code);
        Assert.Equal(product.Id.ToString(), row.TargetId);
    }

    [Fact]
    public async Task GetOrCreateLink_EveryKindOfTarget_PointsAtItsCanonicalUrl()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var creator = await community.UserAsync("creator_1");
        var note = await community.NoteAsync(creator.Id);
        var product = await community.ProductAsync();

        Assert.Equal($"/notes/{note.Id}", (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).CanonicalPath);
        Assert.Equal($"/products/{product.Id}", (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Product, product.Id.ToString(), default)).CanonicalPath);
        Assert.Equal("/u/creator_1", (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Profile, creator.Id, default)).CanonicalPath);
    }

    [Fact]
    public async Task GetOrCreateLink_TargetMissingOrNotPublic_IsRejectedAndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var draft = await community.NoteAsync(sharer.Id, draft: true);
        var deleted = await community.NoteAsync(sharer.Id, deleted: true);
        var offShelf = await community.ProductAsync(ProductStatus.OffShelf);
        var productDraft = await community.ProductAsync(ProductStatus.Draft);

        (ShareTargetType Type, string Id)[] targets =
        [
            (ShareTargetType.Note, draft.Id.ToString()),
            (ShareTargetType.Note, deleted.Id.ToString()),
            (ShareTargetType.Note, "999999"),
            (ShareTargetType.Note, "abc"),
            (ShareTargetType.Note, "-1"),
            (ShareTargetType.Note, "0"),
            (ShareTargetType.Note, ""),
            (ShareTargetType.Note, "99999999999999999999999"),
            (ShareTargetType.Product, offShelf.Id.ToString()),
            (ShareTargetType.Product, productDraft.Id.ToString()),
            (ShareTargetType.Profile, "no-such-user"),
            (ShareTargetType.Profile, new string('x', 5000)),
            ((ShareTargetType)42, "1"),
        ];
        foreach (var (type, id) in targets)
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => shares.GetOrCreateLinkAsync(sharer.Id, type, id, default));
            Assert.Equal("Share.TargetNotFound", ex.Code);
        }
        var unknownSharer = await Assert.ThrowsAsync<DomainException>(() => shares.GetOrCreateLinkAsync("nobody", ShareTargetType.Profile, sharer.Id, default));
        Assert.Equal("Share.SharerNotFound", unknownSharer.Code);

        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(0, await context.ShareLinks.CountAsync());
    }

    [Fact]
    public void NewCode_IsBase62OfTenCharacters_UniformAndNotSequential()
    {
        const int n = 20_000;
        var codes = Enumerable.Range(0, n).Select(_ => ShareService.NewCode()).ToList();

        Assert.All(codes, c => Assert.True(c.Length == ShareLink.CodeLength && ShareService.IsWellFormedCode(c), c));
        Assert.Equal(n, codes.Distinct().Count());
        // Consecutive codes share no more of a prefix than random strings do (a counter would share 8–9 characters).
        var sharedPrefix = codes.Zip(codes.Skip(1), (a, b) => a.Zip(b).TakeWhile(p => p.First == p.Second).Count()).ToList();
        Assert.True(sharedPrefix.Average() < 0.1, $"average shared prefix {sharedPrefix.Average()}");
        Assert.True(sharedPrefix.Max() <= 4);
        // Each position uses the whole alphabet about evenly: the empirical entropy is close to log2(62) ≈ 5.954 bits.
        for (var position = 0; position < ShareLink.CodeLength; position++)
        {
            var counts = codes.GroupBy(c => c[position]).Select(g => (double)g.Count()).ToList();
            Assert.Equal(62, counts.Count);
            var entropy = -counts.Sum(k => k / n * Math.Log2(k / n));
            Assert.True(entropy > 5.9, $"position {position}: {entropy:F3} bits");
        }
        Assert.True(ShareLink.CodeLength * Math.Log2(62) >= 59, "at least 59 bits per code");
    }

    [Fact]
    public async Task GetOrCreateLink_CodesInCreationOrder_AreNotOrdered()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (shares, community, _) = Arrange(db);
        var creator = await community.UserAsync("creator");
        var note = await community.NoteAsync(creator.Id);
        var codes = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var sharer = await community.UserAsync($"sharer_{i}");
            codes.Add((await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code);
        }

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.NotEqual(codes.Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordVisit_UnknownForgedMalformedOrHugeCode_ReturnsNullAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var note = await community.NoteAsync(sharer.Id);
        var real = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code;
        var forged = (real[0] == 'a' ? 'b' : 'a') + real[1..];

        string?[] codes =
        [
            null, "", " ", "abc", forged, real.ToUpperInvariant() == real ? real.ToLowerInvariant() : real.ToUpperInvariant(),
            real + " ", real[..9], "0000000000", "../../etc/passwd", "' OR 1=1 --", "码码码码码码码码码码",
            real + "%00", new string('a', 33), new string('a', 100_000),
        ];
        foreach (var code in codes)
            Assert.Null(await shares.RecordVisitAsync(code, "https://example.test/", null));

        Assert.NotNull(await shares.FindAsync(real, default));
        Assert.Null(await shares.FindAsync(forged, default));
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(0, await context.ShareVisits.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordVisit_Note_RecordsEveryVisitButCountsOncePerVisitorPerDay(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, clock) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var reader = await community.UserAsync("reader");
        var note = await community.NoteAsync(sharer.Id);
        await community.LikeAsync(reader.Id, note.Id, TestCommunity.Start);
        var code = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code;

        var anonymous = await shares.RecordVisitAsync(code, "https://weibo.example/p/1?uid=secret#x", null);
        var sameBrowser = await shares.RecordVisitAsync(code, null, null, anonymous!.AttributionToken);
        var otherBrowser = await shares.RecordVisitAsync(code, null, null);
        var signedIn = await shares.RecordVisitAsync(code, null, reader.Id);
        var signedInAgain = await shares.RecordVisitAsync(code, null, reader.Id, "garbage-token");
        var sharerSelf = await shares.RecordVisitAsync(code, null, sharer.Id);
        clock.Advance(TimeSpan.FromHours(25));
        var nextDay = await shares.RecordVisitAsync(code, null, null, anonymous.AttributionToken);

        Assert.Equal([true, false, true, true, false, false, true],
            new[] { anonymous, sameBrowser, otherBrowser, signedIn, signedInAgain, sharerSelf, nextDay }.Select(r => r!.Counted));
        Assert.All(new[] { anonymous, sameBrowser, nextDay }, r => Assert.Equal($"/notes/{note.Id}", r!.CanonicalPath));

        await using var context = await db.Factory.CreateDbContextAsync();
        var visits = await context.ShareVisits.OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(7, visits.Count);
        Assert.Equal(7, visits.Select(v => v.AttributionToken).Distinct().Count());
        Assert.All(visits, v => Assert.True(ShareService.IsWellFormedAttributionToken(v.AttributionToken)));
        Assert.Equal("https://weibo.example/p/1", visits[0].Referrer);
        Assert.Equal(reader.Id, visits[3].VisitorId);
        Assert.Null(visits[0].VisitorId);
        Assert.Equal(TestCommunity.Start.AddDays(1), visits[0].VisitedAt);

        var saved = await context.Notes.SingleAsync(n => n.Id == note.Id);
        Assert.Equal(4, saved.ShareCount);
        Assert.Equal(Ranking.HotScore(1, 0, 0, 4, saved.CreatedAt), saved.HotScore, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordVisit_CookielessScriptFromOneAddress_CountsOncePerWindowHoweverManyAtOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, clock) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var reader = await community.UserAsync("reader");
        var note = await community.NoteAsync(sharer.Id);
        var code = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code;
        using var go = new ManualResetEventSlim();

        var script = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await shares.RecordVisitAsync(code, null, null, null, default, "203.0.113.7");
        })).ToList();
        go.Set();
        var scripted = await Task.WhenAll(script);
        var otherAddress = await shares.RecordVisitAsync(code, null, null, null, default, "198.51.100.20");
        var signedInSameAddress = await shares.RecordVisitAsync(code, null, reader.Id, null, default, "203.0.113.7");
        clock.Advance(ShareService.CountWindow);
        var nextWindow = await shares.RecordVisitAsync(code, null, null, null, default, "203.0.113.7");

        Assert.Equal(1, scripted.Count(r => r!.Counted));
        Assert.True(otherAddress!.Counted);
        Assert.True(signedInSameAddress!.Counted);
        Assert.True(nextWindow!.Counted);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(4, await context.Notes.Where(n => n.Id == note.Id).Select(n => n.ShareCount).SingleAsync());
        Assert.Equal(23, await context.ShareVisits.CountAsync()); // every visit is still recorded
        // The stored keys say nothing about the address or the user.
        var keys = await context.ShareVisitCounts.Select(c => c.ClientKey).ToListAsync();
        Assert.Equal(4, keys.Count);
        Assert.DoesNotContain(keys, k => k.Contains("203.0") || k.Contains(reader.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordVisit_ConcurrentVisitors_EveryIncrementLands(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var note = await community.NoteAsync(sharer.Id);
        var code = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code;
        using var go = new ManualResetEventSlim();

        var visits = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await shares.RecordVisitAsync(code, null, null);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(visits);

        Assert.All(results, r => Assert.True(r!.Counted));
        await using var context = await db.Factory.CreateDbContextAsync();
        var saved = await context.Notes.SingleAsync(n => n.Id == note.Id);
        Assert.Equal(20, saved.ShareCount);
        Assert.Equal(20, await context.ShareVisits.CountAsync());
        Assert.Equal(Ranking.HotScore(0, 0, 0, 20, saved.CreatedAt), saved.HotScore, 9);
    }

    [Fact]
    public async Task RecordVisit_ProductAndProfile_RedirectWithoutTouchingNotes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (shares, community, _) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var creator = await community.UserAsync("creator");
        var product = await community.ProductAsync();
        var productCode = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Product, product.Id.ToString(), default)).Code;
        var profileCode = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Profile, creator.Id, default)).Code;

        var toProduct = await shares.RecordVisitAsync(productCode, "android-app://com.tencent.mm/", null);
        var toProfile = await shares.RecordVisitAsync(profileCode, null, creator.Id);

        Assert.Equal($"/products/{product.Id}", toProduct!.CanonicalPath);
        Assert.False(toProduct.Counted);
        Assert.Equal("/u/creator", toProfile!.CanonicalPath);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal("android-app://com.tencent.mm/", (await context.ShareVisits.FirstAsync()).Referrer);
    }

    [Fact]
    public async Task RecordVisit_TargetNoLongerPublic_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (shares, community, clock) = Arrange(db);
        var sharer = await community.UserAsync("sharer");
        var note = await community.NoteAsync(sharer.Id);
        var code = (await shares.GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default)).Code;
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            var saved = await context.Notes.SingleAsync();
            saved.Delete(clock.GetUtcNow());
            await context.SaveChangesAsync();
        }

        Assert.Null(await shares.RecordVisitAsync(code, null, null));
        Assert.Null(await shares.FindAsync(code, default));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("not a url", null)]
    [InlineData("/relative/path", null)]
    [InlineData("https://user:pw@example.test:8443/a/b?q=1#f", "https://example.test:8443/a/b")]
    [InlineData("http://example.test", "http://example.test/")]
    [InlineData("https://例子.测试/路径", "https://例子.测试/%E8%B7%AF%E5%BE%84")]
    public void NormalizeReferrer_KeepsSchemeHostAndPathOnly(string? referrer, string? expected) =>
        Assert.Equal(expected, ShareService.NormalizeReferrer(referrer));

    [Fact]
    public void NormalizeReferrer_LongPath_IsCutTo500()
    {
        var referrer = "https://example.test/" + new string('p', 2000);
        Assert.Equal(ShareService.ReferrerMaxLength, ShareService.NormalizeReferrer(referrer)!.Length);
    }
}
