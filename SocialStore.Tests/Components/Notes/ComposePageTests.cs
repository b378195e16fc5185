using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Notes.Compose;

namespace SocialStore.Tests.Components.Notes;

public class ComposePageTests
{
    /// <summary>A 1×1 PNG (a real image: the pipeline decodes and re-encodes it).</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static ComponentTestContext Context(TestDatabase db, string userId, bool imageProcessing)
    {
        var ctx = new ComponentTestContext().UseDatabase(db, settings: new Dictionary<string, string?>
        {
            ["Media:ImageProcessing"] = imageProcessing ? "true" : "false",
        }).SignIn(userId);
        // The page's own script: the caret helpers of the #topic / @mention suggestions.
        var module = ctx.JSInterop.SetupModule("./Components/Pages/Notes/Compose/ComposePage.razor.js");
        module.SetupVoid("trapListKeys", _ => true).SetVoidResult();
        return ctx;
    }

    private static async Task<long> DraftWithImagesAsync(TestDatabase db, ApplicationUser author, params string[] names)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        var images = names.Select(n => new NoteImage { StorageKey = $"seed/{n}.svg", Width = 900, Height = 1200, Alt = n }).ToList();
        var note = Note.Create(author.Id, "草稿", "正文", images, DateTimeOffset.UtcNow, draft: true);
        context.Notes.Add(note);
        await context.SaveChangesAsync();
        return note.Id;
    }

    private static Task<List<(string Key, string? Alt)>> StoredImagesAsync(TestDatabase db, long noteId) =>
        Query(db, async context => (await context.NoteImages.AsNoTracking().Where(i => i.NoteId == noteId).OrderBy(i => i.Position)
            .Select(i => new { i.StorageKey, i.Alt }).ToListAsync()).Select(i => (i.StorageKey, (string?)i.Alt)).ToList());

    private static async Task<T> Query<T>(TestDatabase db, Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return await query(context);
    }

    /// <summary>The images in the order shown, by their description.</summary>
    private static List<string> Shown(IRenderedComponent<ComposePage> cut) =>
        cut.FindAll("[data-testid=image-grid] li img").Select(i => i.GetAttribute("alt") ?? "").ToList();

    [Fact]
    public async Task EditDraft_MoveRemoveAndDescribeImages_SavesTheNewListInOrder()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var author = await TestData.UserAsync(db.Factory, "author");
        var noteId = await DraftWithImagesAsync(db, author, "a", "b", "c");
        await using var ctx = Context(db, author.Id, imageProcessing: false);
        var cut = ctx.Render<ComposePage>(p => p.Add(c => c.Id, noteId));
        Assert.Equal(["a", "b", "c"], Shown(cut));
        Assert.True(cut.Button("图片 1 左移").HasAttribute("disabled"));
        Assert.True(cut.Button("图片 3 右移").HasAttribute("disabled"));
        Assert.Equal("封面", cut.Find("[data-testid=image-grid] li:first-child [data-testid=cover-badge]").TextContent);

        await cut.Button("图片 1 右移").ClickAsync(new());
        Assert.Equal(["b", "a", "c"], Shown(cut));
        await cut.Button("图片 3 左移").ClickAsync(new());
        Assert.Equal(["b", "c", "a"], Shown(cut));
        await cut.Button("移除图片 1").ClickAsync(new());
        Assert.Equal(["c", "a"], Shown(cut));
        Assert.Contains("2/9", cut.Find("#images-label").TextContent);
        await cut.Field("图片 2 的描述").ChangeAsync(new() { Value = "正面细节" });
        await cut.Button("存草稿").ClickAsync(new());

        Assert.Equal("草稿已保存", cut.Said("status"));
        Assert.Equal([("seed/c.svg", "c"), ("seed/a.svg", "正面细节")], await StoredImagesAsync(db, noteId));
        Assert.Equal("seed/c.svg", await Query(db, context => context.Notes.Where(n => n.Id == noteId).Select(n => n.CoverKey).SingleAsync()));
        ctx.JSInterop.VerifyInvoke("import");
    }

    [Fact]
    public async Task New_ImageProcessingOff_SaysSoAndOffersNoFilePicker()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var author = await TestData.UserAsync(db.Factory, "author");
        await using var ctx = Context(db, author.Id, imageProcessing: false);

        var cut = ctx.Render<ComposePage>();

        Assert.Equal("暂时无法上传图片，请稍后再试", cut.Find("[data-testid=images-unavailable]").TextContent);
        Assert.Empty(cut.FindComponents<InputFile>());
        Assert.Empty(cut.FindAll("[data-testid=image-tile]"));
        Assert.Equal("true", cut.Find("[data-testid=compose]").GetAttribute("data-ready"));
    }

    [ImagePipelineFact]
    public async Task New_UploadTwoImagesThenRemoveTheCover_SavesTheOtherAsCover()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var author = await TestData.UserAsync(db.Factory, "author");
        await using var ctx = Context(db, author.Id, imageProcessing: true);
        var cut = ctx.Render<ComposePage>();

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Png, "one.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(Png, "two.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=image-grid] li img").Count), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=tile-error]"));
        var keys = cut.FindAll("[data-testid=image-grid] li img").Select(i => i.GetAttribute("src")!).ToList();
        await cut.Button("移除图片 1").ClickAsync(new());
        await cut.Field("标题").InputAsync(new() { Value = "两张图" });
        await cut.Button("存草稿").ClickAsync(new());

        Assert.Equal("草稿已保存", cut.Said("status"));
        var noteId = await Query(db, context => context.Notes.Where(n => n.AuthorId == author.Id).Select(n => n.Id).SingleAsync());
        var stored = await StoredImagesAsync(db, noteId);
        Assert.Single(stored);
        Assert.Contains(stored[0].Key, keys[1]);
    }
}
