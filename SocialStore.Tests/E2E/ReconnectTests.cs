using Microsoft.Playwright;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// A page whose circuit is paused (a phone put away) resumes and stays live; a page whose server goes away
/// says so in the reader's language instead of going dead.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;
    private Task? stopped;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await (stopped ?? app.DisposeAsync().AsTask());

    [Theory]
    [InlineData("zh-CN", "你离开期间页面已暂停。", "继续", "关注", "已关注", "连接已断开，正在重新连接…")]
    [InlineData("en-US", "This page was paused while you were away.", "Resume", "Follow", "Following", "Connection lost. Reconnecting…")]
    public async Task PausedPage_Resumes_AndAStoppedServer_ShowsTheReconnectBanner(
        string locale, string pausedText, string resumeText, string follow, string following, string lostText)
    {
        var star = await SocialApp.UserAsync(app, "star", "明星");
        var fan = await SocialApp.UserAsync(app, "fan", "粉丝甲");
        await SocialApp.Service<SocialStore.Domain.Social.FollowService>(app).FollowAsync(star.Id, (await SocialApp.UserAsync(app, "mei2", "小美二")).Id, default);

        var page = await browser.NewPageAsync("phone", locale);
        var name = $"reconnect-{locale}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, fan.Email!);
            await page.GotoAsync(app.BaseUrl + "/u/mei2/followers");
            var button = page.Locator("[data-testid=person] [data-testid=follow-button][data-ready=true] button");
            await Assertions.Expect(button).ToHaveTextAsync(follow);

            // The circuit is paused, as the page does after a while in the background; the reader resumes it.
            await page.EvaluateAsync("() => Blazor.pauseCircuit()");
            var modal = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(modal.GetByText(pausedText)).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"{name}-1-paused");
            await modal.GetByRole(AriaRole.Button, new() { Name = resumeText }).ClickAsync();
            await Assertions.Expect(modal).Not.ToBeVisibleAsync();

            // Still live after resuming: following works.
            await Assertions.Expect(button).ToHaveTextAsync(follow);
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveTextAsync(following);

            // The server goes away under the open page: the banner says so, in the page's language.
            stopped = app.DisposeAsync().AsTask();
            await Assertions.Expect(modal.GetByText(lostText)).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Artifacts.ScreenshotAsync(page, $"{name}-2-lost");
        });
        await page.Context.CloseAsync();
    }
}
