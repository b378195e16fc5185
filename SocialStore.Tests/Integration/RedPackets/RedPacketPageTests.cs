using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Domain.RedPackets;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.RedPackets;

/// <summary>The packet's page over HTTP: open it, see the amount there and in "my coupons", and a second click refused.</summary>
public sealed class RedPacketPageTests : AppPageTest
{
    [Fact]
    public async Task SignedInShopper_OpensThePacket_SeesTheAmountOnThePageAndInMyCoupons()
    {
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var service = app.Services.GetRequiredService<RedPacketService>();
        var id = await service.CreateAsync(principal, new RedPacketInput("新年快乐", 3, 6.66m, 24), default);

        using var anonymous = AccountTestClient.Create(app);
        var closed = await anonymous.GetAsync($"/red-packets/{id}");
        Assert.NotNull(closed.Document.QuerySelector("[data-testid=rp-sign-in]"));
        Assert.Contains("还剩 3 个", closed.Text);

        using var shopper = await AccountTestClient.SignedInAsync(app);
        var page = await shopper.SubmitFormAsync($"/red-packets/{id}", "/claim", []);
        var got = page.Document.QuerySelector("[data-testid=rp-got]")?.TextContent;
        Assert.NotNull(got);
        var view = await service.ViewAsync(id, null, default);
        var slot = Assert.Single(view!.ClaimedSlots);
        Assert.Equal("你抢到 " + SocialStore.Domain.Common.Money.Format(slot.Amount, "CNY"), got);
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=rp-slot]"));
        Assert.Contains("还剩 2 个", page.Text);

        var wallet = await shopper.GetAsync("/me/coupons");
        Assert.Contains("新年快乐", wallet.Text);
        Assert.Contains("拼手气红包", wallet.Text);
    }

    [Fact]
    public async Task UnknownPacket_IsNotFound()
    {
        using var shopper = AccountTestClient.Create(app, "en-US");
        var missing = await shopper.GetAsync("/red-packets/987654321");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
    }
}
