using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Catalog;

/// <summary>The review edit form: static SSR, anti-forgery, the author only, history kept, messages localised.</summary>
public sealed class ReviewEditPageTests : AppPageTest
{
    /// <summary>A signed-in shopper with a delivered order line (its purchase record) who has reviewed the product.</summary>
    private async Task<(AccountTestClient Author, Product Product, long ReviewId)> ReviewedAsync(string culture = "zh-CN")
    {
        var product = await CatalogTestData.ProductAsync(db, "纯棉T恤", [CatalogTestData.Colour], [new(["红"], 99m, 129m, 5), new(["白"], 89m, 99m, 5)]);
        var email = AccountTestClient.NewEmail("author");
        var author = await AccountTestClient.SignedInAsync(app, email, culture: culture);
        await using var context = await db.CreateDbContextAsync();
        var userId = await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var purchase = new PurchaseRecord { UserId = userId, ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.Order, PurchasedAt = DateTimeOffset.UtcNow };
        context.PurchaseRecords.Add(purchase);
        await context.SaveChangesAsync();
        var reviewId = await app.Services.GetRequiredService<ReviewService>().WriteAsync(userId, purchase.Id, 3, "一般般", [], default);
        return (author, product, reviewId);
    }

    private async Task<(int Stars, string Body, int Revisions, DateTimeOffset? EditedAt)> StoredAsync(long reviewId)
    {
        await using var context = await db.CreateDbContextAsync();
        var review = await context.Reviews.AsNoTracking().Include(r => r.Revisions).SingleAsync(r => r.Id == reviewId);
        return (review.Stars, review.Body, review.Revisions.Count, review.EditedAt);
    }

    [Fact]
    public async Task Author_EditsFromTheProductPage_ShowsEditedAndKeepsTheOldVersion()
    {
        var (author, product, reviewId) = await ReviewedAsync();
        using var _ = author;

        var productPage = await author.GetAsync($"/products/{product.Id}");
        Assert.Null(productPage.Document.QuerySelector("[data-testid=review-edited]"));
        var form = await author.FollowLinkAsync(productPage, "[data-testid=review-edit-link]");
        Assert.Equal($"/products/{product.Id}/reviews/{reviewId}/edit", form.Path);
        Assert.Equal("一般般", form.TextOf("textarea[name='Input.Body']"));
        Assert.Equal("3", form.Document.QuerySelector("input[name='Input.Stars'][checked]")!.GetAttribute("value"));
        Assert.Null(form.Document.QuerySelector("[data-testid=review-edit-history]"));

        var saved = await author.SubmitAsync(form, "edit-review", new() { ["Input.Stars"] = "5", ["Input.Body"] = "穿了一个月，越穿越舒服" });

        Assert.Equal($"/products/{product.Id}", saved.Path); // post, redirect, get
        Assert.Equal("穿了一个月，越穿越舒服", saved.TextOf($"#review-{reviewId} .review-body"));
        Assert.Contains("已编辑", saved.TextOf($"#review-{reviewId} [data-testid=review-edited]"));
        Assert.Equal("★★★★★", saved.TextOf($"#review-{reviewId} .review-stars"));
        var stored = await StoredAsync(reviewId);
        Assert.Equal((5, "穿了一个月，越穿越舒服", 1), (stored.Stars, stored.Body, stored.Revisions));
        Assert.NotNull(stored.EditedAt);
        var again = await author.GetAsync($"/products/{product.Id}/reviews/{reviewId}/edit");
        Assert.Contains("1", again.TextOf("[data-testid=review-edit-history]"));
    }

    [Theory]
    [InlineData("zh-CN", "", "3", "最多 1000 个字")]
    [InlineData("zh-CN", "好", "6", "1 到 5 星")]
    [InlineData("zh-CN", "好", "abc", "1 到 5 星")]
    [InlineData("en-US", "", "3", "up to 1000 characters")]
    [InlineData("en-US", "good", "0", "1 to 5 stars")]
    public async Task BadInput_GetsALocalisedMessage_KeepsWhatWasTyped_AndChangesNothing(string culture, string body, string stars, string message)
    {
        var (author, product, reviewId) = await ReviewedAsync(culture);
        using var _ = author;
        var tooLong = body == "" && stars == "3" && culture == "zh-CN";
        var typed = tooLong ? new string('长', 1001) : body;

        var form = await author.GetAsync($"/products/{product.Id}/reviews/{reviewId}/edit");
        var refused = await author.SubmitAsync(form, "edit-review", new() { ["Input.Stars"] = stars, ["Input.Body"] = typed });

        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Contains(message, refused.TextOf("[data-testid=review-error]"));
        Assert.Equal(typed, refused.TextOf("textarea[name='Input.Body']"));
        var stored = await StoredAsync(reviewId);
        Assert.Equal((3, "一般般", 0, (DateTimeOffset?)null), stored);
    }

    [Fact]
    public async Task SomeoneElse_IsRefused_AndSeesNoEditLink()
    {
        var (author, product, reviewId) = await ReviewedAsync();
        author.Dispose();
        using var other = await AccountTestClient.SignedInAsync(app);

        var productPage = await other.GetAsync($"/products/{product.Id}");
        var edit = await other.GetAsync($"/products/{product.Id}/reviews/{reviewId}/edit");
        var wrongProduct = await other.GetAsync($"/products/{product.Id + 1000}/reviews/{reviewId}/edit");

        Assert.Null(productPage.Document.QuerySelector("[data-testid=review-edit-link]"));
        Assert.Contains("只能修改自己的评价", edit.TextOf("[data-testid=review-edit-refused]"));
        Assert.Null(edit.Document.QuerySelector("[data-testid=review-edit-form]"));
        Assert.NotNull(wrongProduct.TextOf("[data-testid=review-edit-refused]"));
        Assert.Equal((3, "一般般", 0, (DateTimeOffset?)null), await StoredAsync(reviewId));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndAPostWithoutAntiforgeryIsRejected()
    {
        var (author, product, reviewId) = await ReviewedAsync();
        var url = $"/products/{product.Id}/reviews/{reviewId}/edit";

        var anonymous = await AccountTestClient.Create(app).GetAsync(url);
        var forged = await author.Http.PostAsync(url, new FormUrlEncodedContent([new("_handler", "edit-review"), new("Input.Stars", "1"), new("Input.Body", "差评")]));
        author.Dispose();

        Assert.Equal("/Account/Login", anonymous.Path);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal((3, "一般般", 0, (DateTimeOffset?)null), await StoredAsync(reviewId));
    }
}
