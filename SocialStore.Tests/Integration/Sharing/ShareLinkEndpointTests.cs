using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Sharing;

public sealed class ShareLinkEndpointTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<(string Code, long NoteId)> SharedNoteAsync()
    {
        var community = app.Community();
        var sharer = await community.UserAsync("sharer", password: TestAccounts.Password);
        var note = await community.NoteAsync(sharer.Id);
        var link = await app.Services.GetRequiredService<ShareService>()
            .GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, note.Id.ToString(), default);
        return (link.Code, note.Id);
    }

    [Fact]
    public async Task Follow_ValidCode_RedirectsToTheNoteWithAnAttributionCookieAndRecordsTheVisit()
    {
        var (code, noteId) = await SharedNoteAsync();
        var client = app.Browser();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{code}");
        request.Headers.Referrer = new Uri("https://weibo.example/status/1?from=timeline");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/notes/{noteId}", response.Headers.Location!.OriginalString);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ss_attr=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("max-age=2592000", attributes, StringComparer.OrdinalIgnoreCase);
        var token = attributes[0]["ss_attr=".Length..];

        await using var db = await app.Db().CreateDbContextAsync();
        var visit = await db.ShareVisits.SingleAsync();
        Assert.Equal(token, visit.AttributionToken);
        Assert.Equal("https://weibo.example/status/1", visit.Referrer);
        Assert.Null(visit.VisitorId);
        Assert.Equal(code, (await db.ShareLinks.SingleAsync(l => l.Id == visit.ShareLinkId)).Code);
        Assert.Equal(1, (await db.Notes.SingleAsync(n => n.Id == noteId)).ShareCount);

        // The same browser again the same day: a second visit row, the same share count.
        var again = await client.GetAsync($"/s/{code}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await db.ShareVisits.CountAsync());
        Assert.Equal(1, (await db.Notes.AsNoTracking().SingleAsync(n => n.Id == noteId)).ShareCount);
    }

    [Fact]
    public async Task Follow_SignedInVisitor_IsRecordedAsTheVisitor()
    {
        var (code, _) = await SharedNoteAsync();
        var reader = await app.Community().UserAsync("reader", password: TestAccounts.Password);
        var client = await app.SignedInBrowserAsync("reader");

        var response = await client.GetAsync($"/s/{code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.Equal(reader.Id, (await db.ShareVisits.SingleAsync()).VisitorId);
    }

    [Theory]
    [InlineData("ZZZZZZZZZZ")]
    [InlineData("abc")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyz")]
    [InlineData("%27%20OR%201%3D1")]
    [InlineData("码码码码码码码码码码")]
    public async Task Follow_UnknownForgedOrMalformedCode_IsTheFriendly404AndRecordsNothing(string code)
    {
        await SharedNoteAsync();

        var response = await app.Browser().GetAsync($"/s/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ss_attr", StringComparison.Ordinal)));
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.Equal(0, await db.ShareVisits.CountAsync());
    }

    [Fact]
    public async Task Follow_HugeCode_IsNotFound()
    {
        var response = await app.Browser().GetAsync("/s/" + new string('a', 4000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("TelegramBot (like TwitterBot)")]
    public async Task Follow_LinkPreviewBot_IsRedirectedWithoutAVisitOrCookie(string userAgent)
    {
        var (code, noteId) = await SharedNoteAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

        var response = await client.GetAsync($"/s/{code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/notes/{noteId}", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.Equal(0, await db.ShareVisits.CountAsync());
    }

    [Fact]
    public async Task QrCode_ValidCode_IsACacheablePng_AndForgedCodeIsNotFound()
    {
        var (code, _) = await SharedNoteAsync();
        var client = app.Browser();

        var response = await client.GetAsync($"/s/{code}/qr.png");
        var forged = await client.GetAsync("/s/ZZZZZZZZZZ/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(1));
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR: a square image big enough to scan (≥ 21 modules + quiet zone at 8 px each).
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(width, height);
        Assert.InRange(width, 200, 600);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.Equal(0, await db.ShareVisits.CountAsync());
    }

    [Fact]
    public async Task CreateForm_WithoutJavaScript_MakesTheLinkAndShowsItWithItsQrCode()
    {
        var community = app.Community();
        var creator = await community.UserAsync("creator");
        var sharer = await community.UserAsync("sharer", password: TestAccounts.Password);
        var client = await app.SignedInBrowserAsync("sharer");
        // The share button on a profile is a real form: it works before (or without) the circuit.
        var profile = await client.GetDocumentAsync("/u/creator");
        var form = profile.QuerySelector("[data-testid=share] form")!;
        Assert.Equal("/share", form.GetAttribute("action"));
        var fields = AppSession.FormFields(form);
        Assert.Equal(("Profile", creator.Id), (fields["targetType"], fields["targetId"]));
        Assert.True(fields.ContainsKey("__RequestVerificationToken"));

        var created = await client.PostAsync("/share", new FormUrlEncodedContent(fields));
        var again = await client.PostAsync("/share", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var resultPath = created.Headers.Location!.OriginalString;
        Assert.Equal(resultPath, again.Headers.Location!.OriginalString);
        var code = resultPath["/share/".Length..];
        Assert.True(ShareService.IsWellFormedCode(code));
        var page = await client.GetDocumentAsync(resultPath);
        Assert.Equal($"http://localhost/s/{code}", page.QuerySelector("[data-testid=share-url]")!.GetAttribute("value"));
        Assert.Equal($"/s/{code}/qr.png", page.QuerySelector("[data-testid=share-qr]")!.GetAttribute("src"));
        Assert.Equal("/u/creator", page.QuerySelector("[data-testid=share-page] a.btn-ghost")!.GetAttribute("href"));
        await using var db = await app.Db().CreateDbContextAsync();
        var link = await db.ShareLinks.SingleAsync();
        Assert.Equal((sharer.Id, ShareTargetType.Profile, creator.Id, code), (link.SharerId, link.TargetType, link.TargetId, link.Code));

        // The link leads to the profile.
        var follow = await app.Browser().GetAsync($"/s/{code}");
        Assert.Equal("/u/creator", follow.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CreateForm_WithoutAntiforgeryToken_IsRejected()
    {
        var community = app.Community();
        var creator = await community.UserAsync("creator");
        await community.UserAsync("sharer", password: TestAccounts.Password);
        var client = await app.SignedInBrowserAsync("sharer");

        var response = await client.PostAsync("/share", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["targetType"] = "Profile",
            ["targetId"] = creator.Id,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.Equal(0, await db.ShareLinks.CountAsync());
    }

    [Theory]
    [InlineData("Note", "999999")]
    [InlineData("7", "1")]
    [InlineData("Order", "1")]
    public async Task CreateForm_TargetThatCannotBeShared_IsTheFriendly404(string targetType, string targetId)
    {
        await app.Community().UserAsync("sharer", password: TestAccounts.Password);
        var client = await app.SignedInBrowserAsync("sharer");
        var profile = await client.GetDocumentAsync("/u/sharer");
        var fields = AppSession.FormFields(profile.QuerySelector("[data-testid=share] form")!);
        fields["targetType"] = targetType;
        fields["targetId"] = targetId;

        var response = await client.PostAsync("/share", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateForm_SignedOut_GoesToSignIn()
    {
        var response = await app.Browser().PostAsync("/share", new FormUrlEncodedContent(new Dictionary<string, string> { ["targetType"] = "Profile", ["targetId"] = "x" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SharePage_UnknownCode_IsTheFriendly404()
    {
        var response = await app.Browser().GetAsync("/share/ZZZZZZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }
}
