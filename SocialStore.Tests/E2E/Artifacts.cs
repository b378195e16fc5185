using Microsoft.Playwright;

namespace SocialStore.Tests.E2E;

/// <summary>Screenshots of every e2e step (and the page HTML on failure) under artifacts/ at the repository root.</summary>
public static class Artifacts
{
    public static string Directory { get; } = Create();

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = false });

    /// <summary>Runs a test body; on failure saves a screenshot and the HTML of the page, then rethrows.</summary>
    public static async Task CaptureFailureAsync(IPage page, string name, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".failed.png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(Directory, name + ".failed.html"), await page.ContentAsync());
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the original failure matters more.
            }
            throw;
        }
    }

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialStore.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "e2e");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
