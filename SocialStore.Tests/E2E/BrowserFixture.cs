using Microsoft.Playwright;

namespace SocialStore.Tests.E2E;

/// <summary>
/// One Chromium for all e2e tests: Debian's /usr/bin/chromium driven by Playwright's bundled driver
/// (Playwright cannot download its own browsers here).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static readonly (string Name, int Width, int Height, bool Mobile)[] Viewports =
    [
        ("phone", 390, 844, true),
        ("desktop", 1440, 900, false),
    ];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with scripts/test.sh, which installs it.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    public async Task<IPage> NewPageAsync(string viewport, string locale = "zh-CN")
    {
        var v = Viewports.Single(x => x.Name == viewport);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = v.Width, Height = v.Height },
            IsMobile = v.Mobile,
            HasTouch = v.Mobile,
            Locale = locale,
        });
        return await context.NewPageAsync();
    }
}

/// <summary>
/// The browser tests run on their own, after the other collections: their in-process servers share the test host's
/// thread pool, and a contention test's hundreds of concurrent SQLite writers (which wait out a busy database by
/// sleeping on their thread) could otherwise hold a page's requests long enough for the browser to time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "e2e";
}
