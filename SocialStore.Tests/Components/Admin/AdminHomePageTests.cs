using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Admin;
using Microsoft.Extensions.Time.Testing;

namespace SocialStore.Tests.Components.Admin;

public sealed class AdminHomePageTests : IAsyncLifetime
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-admin-home-media", Guid.NewGuid().ToString("N"));

    // Noon today where the server is: the page reads days in the server's zone.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(DateTime.Today.AddHours(12)));
    private TestDatabase db = default!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        adminId = (await TestData.UserAsync(db.Factory, "boss")).Id;
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var now = clock.GetUtcNow();

        await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m, stock: 3); // low
        var sku = (await CatalogTestData.SimpleAsync(db.Factory, "口红", 100m, stock: 100)).Skus[0];
        var first = await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(sku, 1)], at: now.AddHours(-2));
        await OrderTestData.PayAsync(db.Factory, first, now.AddHours(-2));        // ¥110
        var second = await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(sku, 2)], at: now.AddHours(-1));
        await OrderTestData.PayAsync(db.Factory, second, now.AddHours(-1));       // ¥210
        await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(sku, 1)], at: now.AddMinutes(-5)); // not paid

        var refunds = new RefundService(db.Factory, OrderTestData.Gateway,
            new ImagePipeline(new LocalMediaStore(mediaRoot), clock, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance), clock);
        await refunds.RequestAsync(buyer.Id, first.Number, first.Lines[0].Id, null, "不想要了", [], CancellationToken.None);

        await using var context = await db.Factory.CreateDbContextAsync();
        context.PaymentIncidents.Add(new PaymentIncident
        {
            Provider = SandboxGateway.Name,
            Kind = PaymentIncidentKind.AmountMismatch,
            Body = "{}",
            Detail = "amount",
            ReceivedAt = now.AddHours(-3),
        });
        await context.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    private ComponentTestContext Context(string role, string culture = "zh-CN") =>
        new ComponentTestContext(culture).UseDatabase(db, clock).UseMudBlazor().SignIn(adminId, role);

    /// <summary>Each figure's label and value, in page order.</summary>
    private static (string Label, string Value)[] Figures(IRenderedComponent<AdminHomePage> cut) =>
        [.. cut.FindAll("[data-testid=admin-figures] .bo-figure").Select(f =>
            (AccessibleQueries.Collapse(f.QuerySelector(".bo-figure-label")!.TextContent), AccessibleQueries.Collapse(f.QuerySelector(".bo-figure-value")!.TextContent)))];

    [Fact]
    public async Task Render_Admin_ShowsTheRealCounts()
    {
        await using var ctx = Context(Roles.Admin);

        var cut = ctx.Render<AdminHomePage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(Figures(cut)));
        Assert.Equal(
            [("待发货订单", "2"), ("待处理退款申请", "1"), ("在售且库存不超过 5 件的 SKU", "1"), ("24 小时内被拒绝的支付回调", "1"), ("今日支付订单", "2"), ("今日支付金额", "¥320")],
            Figures(cut));
        Assert.Contains("近 14 天支付订单", cut.Markup);
        Assert.Contains("bo-figure-attention", cut.Find("a[href='/admin/orders?status=Paid']").ClassName);
    }

    [Fact]
    public async Task Render_AdminInEnglish_ShowsTheSameCounts()
    {
        await using var ctx = Context(Roles.Admin, "en-US");

        var cut = ctx.Render<AdminHomePage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(Figures(cut)));
        Assert.Equal(
            [("Orders to ship", "2"), ("Open refund requests", "1"), ("SKUs on sale with 5 or fewer left", "1"), ("Refused payment callbacks in 24 h", "1"), ("Orders paid today", "2"), ("Paid today", "¥320")],
            Figures(cut));
    }

    [Fact]
    public async Task Render_Moderator_SeesNoFigures()
    {
        await using var ctx = Context(Roles.Moderator);

        var cut = ctx.Render<AdminHomePage>();

        Assert.Contains("今日概览", cut.Find("#admin-home-title").TextContent);
        Assert.Contains("请从菜单中选择页面。", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=admin-figures]"));
        Assert.Empty(cut.FindAll(".bo-figure"));
        Assert.DoesNotContain("待发货订单", cut.Markup);
    }
}
