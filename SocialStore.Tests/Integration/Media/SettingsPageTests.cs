using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Media;

public sealed class SettingsPageTests : IAsyncLifetime
{
    private const string Url = "/me/settings";
    private readonly AppFactory app = new();
    private HttpClient client = default!;
    private TestUser user = default!;

    public async Task InitializeAsync() => (client, user) = await TestAccounts.SignedInClientAsync(app, displayName: "Before");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Get_SignedIn_ShowsTheFormWithTheCurrentProfile()
    {
        var document = await GetDocumentAsync(Url);

        Assert.Equal("Before", document.QuerySelector("input[name='Input.DisplayName']")?.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("form[enctype='multipart/form-data'] input[type=file][name='Input.Avatar']"));
        Assert.NotNull(document.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal("编辑资料", document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Post_NewNameAndPhoto_SavesWithoutGpsAndRefreshesTheHeader()
    {
        var photo = TestImages.WithCameraMetadata(TestImages.Solid(1200, 900, ".jpg"));
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");

        var response = await form.PostAsync(client, new() { ["Input.DisplayName"] = "小红薯 🍠", ["Input.Bio"] = "爱分享好物" },
            new TestFile("Input.Avatar", "IMG_0001.JPG", "image/jpeg", photo));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me/settings?saved=true", response.Headers.Location?.PathAndQuery);
        var saved = await FindUserAsync();
        Assert.Equal(("小红薯 🍠", "爱分享好物"), (saved.DisplayName, saved.Bio));
        Assert.Matches("^i/[0-9]{4}/[0-9]{2}/[a-z0-9]{22}$", saved.AvatarKey);
        var stored = await client.GetByteArrayAsync(MediaUrls.Full(saved.AvatarKey!));
        Assert.DoesNotContain(TestImages.Inspect(stored).Fields, f => f.StartsWith("exif-", StringComparison.Ordinal));

        var page = await GetDocumentAsync(response.Headers.Location!.PathAndQuery);
        Assert.NotNull(page.QuerySelector("[data-testid=settings-saved]"));
        // The header reads name and avatar from the sign-in cookie: it was refreshed.
        var headerAvatar = page.QuerySelector("[data-testid=me-link] img");
        Assert.Equal(MediaUrls.Thumbnail(saved.AvatarKey!, 64), headerAvatar?.GetAttribute("src"));
        Assert.Equal("小红薯 🍠", headerAvatar?.GetAttribute("alt"));
    }

    [Fact]
    public async Task Post_NewPhoto_DeletesThePreviousOne()
    {
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");
        await form.PostAsync(client, [], new TestFile("Input.Avatar", "a.png", "image/png", TestImages.Solid(200, 200, ".png")));
        var first = (await FindUserAsync()).AvatarKey!;

        form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");
        await form.PostAsync(client, [], new TestFile("Input.Avatar", "b.png", "image/png", TestImages.Solid(200, 200, ".png", 1, 2, 3)));

        var second = (await FindUserAsync()).AvatarKey!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Full(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MediaUrls.Full(second))).StatusCode);
    }

    [Fact]
    public async Task Post_BioOf201Characters_ShowsTheChineseMessageAndChangesNothing()
    {
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");

        var response = await form.PostAsync(client, new() { ["Input.DisplayName"] = "After", ["Input.Bio"] = new string('好', 201) },
            new TestFile("Input.Avatar", "a.jpg", "image/jpeg", TestImages.Solid(100, 100, ".jpg")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("简介最多 200 个字。", page.QuerySelector("[data-testid=settings-error]")?.TextContent);
        Assert.Equal("true", page.QuerySelector("#bio")?.GetAttribute("aria-invalid"));
        Assert.Equal(new string('好', 201), page.QuerySelector("#bio")?.TextContent); // what was typed stays in the form
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Post_ZipNamedJpg_ShowsTheEnglishMessageAndChangesNothing()
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");

        var response = await form.PostAsync(client, new() { ["Input.DisplayName"] = "After" },
            new TestFile("Input.Avatar", "holiday.jpg", "image/jpeg", TestImages.Zip()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var message = page.QuerySelector("[data-testid=settings-error]")?.TextContent;
        Assert.StartsWith("This file is not an image we can use. Upload a photo in one of these formats: JPEG, PNG, WebP, GIF", message);
        Assert.Equal("true", page.QuerySelector("#avatar")?.GetAttribute("aria-invalid"));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Post_HeicFromAnIphone_ShowsTheAcceptedFormatsAndChangesNothing()
    {
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");

        var response = await form.PostAsync(client, new() { ["Input.DisplayName"] = "After" },
            new TestFile("Input.Avatar", "IMG_0002.HEIC", "image/heic", TestImages.PhoneHeicFixture()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("这个文件不是可用的图片，请上传以下格式的照片：JPEG, PNG, WebP, GIF, AVIF。", page.QuerySelector("[data-testid=settings-error]")?.TextContent);
        Assert.DoesNotContain("heic", page.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "heic", StringComparison.OrdinalIgnoreCase);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Post_35MBFileOnARealServer_ShowsTheSizeLimitAndChangesNothing()
    {
        // Above Kestrel's 30 MB default body limit: the page raises it so the user gets a message, not a reset connection.
        await using var server = new KestrelAppFactory();
        var (kestrelClient, kestrelUser) = await TestAccounts.SignedInClientAsync(server, displayName: "Before");
        var form = await TestForm.ReadAsync(kestrelClient, Url, "[data-testid=settings-form]");
        var huge = new byte[35 * 1024 * 1024];
        huge[0] = 0xFF; huge[1] = 0xD8; huge[2] = 0xFF;

        var response = await form.PostAsync(kestrelClient, new() { ["Input.DisplayName"] = "After" },
            new TestFile("Input.Avatar", "huge.jpg", "image/jpeg", huge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("图片超过 20\u00A0MB，请换一张小一些的。", page.QuerySelector("[data-testid=settings-error]")?.TextContent);
        using var scope = server.Services.CreateScope();
        var unchanged = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(kestrelUser.Id);
        Assert.Equal(("Before", null), (unchanged!.DisplayName, unchanged.AvatarKey));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var form = await TestForm.ReadAsync(client, Url, "[data-testid=settings-form]");
        var forged = new TestForm(Url, form.Fields.Where(f => f.Key != "__RequestVerificationToken").ToList(), multipart: true);

        var response = await forged.PostAsync(client, new() { ["Input.DisplayName"] = "After" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Get_ImageProcessingOff_SaysSoAndHidesTheFileInput()
    {
        await using var off = new AppFactory();
        off.Settings["Media:ImageProcessing"] = "false";
        var (offClient, _) = await TestAccounts.SignedInClientAsync(off);

        var response = await offClient.GetAsync(Url);

        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("input[type=file]"));
        Assert.Equal("暂时无法上传头像：服务器的图片处理组件不可用。", page.QuerySelector("[data-testid=avatar-unavailable]")?.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Input.DisplayName']"));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private async Task<ApplicationUser> FindUserAsync()
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;
    }

    private async Task AssertUnchangedAsync()
    {
        var current = await FindUserAsync();
        Assert.Equal(("Before", "", null), (current.DisplayName, current.Bio, current.AvatarKey));
        var media = Path.Combine(app.DataDirectory, "media");
        Assert.False(Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any());
    }
}
