using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation.Screening;

/// <summary>ADR-055: the admin product editor's title, subtitle and description go through word screening as commercial text.</summary>
public sealed class ProductScreeningTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static (CatalogAdminService Catalog, WordListService Words) Services(ModerationTestBed bed)
    {
        var screen = new ContentScreen(bed.Db.Factory, Options.Create(new ScreeningOptions()));
        var images = new ImagePipeline(new LocalMediaStore(Path.GetTempPath()), bed.Clock, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        return (TestServices.Get<CatalogAdminService>(bed.Db, bed.Clock, s => s.AddSingleton(images).AddSingleton(screen)), new WordListService(bed.Db.Factory, bed.Clock, screen));
    }

    private static ProductEdit EditOf(Product form, string title, string? description = null)
    {
        var sku = form.Skus.Single();
        return new ProductEdit(title, form.Subtitle, description ?? form.Description, form.Brand, form.CategoryId, form.Tags, form.Status, [],
            [new SkuInput([], sku.Price, sku.OriginalPrice, sku.Stock, sku.IsActive)]);
    }

    private static Task<string> TitleAsync(ModerationTestBed bed, long id) =>
        bed.QueryAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.Title).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_AdvertisingLawTerms_AreRefusedWithTheTermsNamed_NothingChanges(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var (catalog, _) = Services(bed);
        var product = await CatalogTestData.SimpleAsync(bed.Db.Factory, "保湿面霜", 99m);
        var form = (await catalog.GetAsync(bed.Mod2Principal, product.Id, None))!;

        var title = await Assert.ThrowsAsync<DomainException>(() => catalog.SaveAsync(bed.Mod2Principal, product.Id, EditOf(form, "全网第 1 保湿面霜"), None));
        var description = await Assert.ThrowsAsync<DomainException>(() => catalog.SaveAsync(bed.Mod2Principal, product.Id, EditOf(form, "保湿面霜", "国家级配方，ＴＯＰ品质"), None));
        var fresh = await Assert.ThrowsAsync<DomainException>(() => catalog.SaveAsync(bed.Mod2Principal, null, EditOf(form, "顶级 面霜"), None));

        Assert.Equal(ScreeningErrors.ProductAdvertisingLaw, title.Code);
        Assert.Contains("全网第 1", (string)title.Arguments[0]!);
        Assert.Equal(ScreeningErrors.ProductAdvertisingLaw, description.Code);
        Assert.Contains("国家级", (string)description.Arguments[0]!);
        Assert.Equal(ScreeningErrors.ProductAdvertisingLaw, fresh.Code);
        Assert.Equal("保湿面霜", await TitleAsync(bed, product.Id));
        Assert.Equal(1, await bed.QueryAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Save_EverydayWordsAndListedActions_FollowTheWordList()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var (catalog, words) = Services(bed);
        await words.AddAsync(bed.Mod1Principal, "加微信", ScreenAction.Block, false, None);
        await words.AddAsync(bed.Mod1Principal, "代购", ScreenAction.Replace, false, None);
        var product = await CatalogTestData.SimpleAsync(bed.Db.Factory, "保湿面霜", 99m);
        var form = (await catalog.GetAsync(bed.Mod2Principal, product.Id, None))!;

        // 最 on its own and 第一次 are everyday words, not superlatives.
        await catalog.SaveAsync(bed.Mod2Principal, product.Id, EditOf(form, "最近很火的面霜", "第一次用就爱上了"), None);
        Assert.Equal("最近很火的面霜", await TitleAsync(bed, product.Id));

        var blocked = await Assert.ThrowsAsync<DomainException>(() => catalog.SaveAsync(bed.Mod2Principal, product.Id, EditOf(form, "面霜 加 微 信 优惠"), None));
        Assert.Equal(ScreeningErrors.Blocked, blocked.Code);
        Assert.Empty(blocked.Arguments);
        Assert.Equal("最近很火的面霜", await TitleAsync(bed, product.Id));

        await catalog.SaveAsync(bed.Mod2Principal, product.Id, EditOf(form, "日本代购面霜"), None);
        Assert.Equal("日本＊＊面霜", await TitleAsync(bed, product.Id));
    }
}
