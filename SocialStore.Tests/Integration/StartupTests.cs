using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using System.Net;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

public class StartupTests
{
    [Fact]
    public async Task Health_WithReachableDatabase_ReturnsHealthy()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("sqlite3")]
    [InlineData("7")]
    public void ParseProvider_Unknown_ListsTheValidOnes(string name)
    {
        var ex = Assert.Throws<StartupException>(() => DatabaseSetup.ParseProvider(name));
        Assert.Contains("Sqlite, SqlServer, PostgreSql", ex.Message);
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_GivesAClearMessage()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:SocialStore"] = "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=secret;Timeout=2",
        }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var ex = await Assert.ThrowsAsync<StartupException>(() => DatabaseInitializer.MigrateAsync(provider, CancellationToken.None));

        Assert.Contains("Cannot reach", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "https://shop.example.test", "Payments:Sandbox:Secret is not set")]
    [InlineData("socialstore-sandbox-development-secret", "https://shop.example.test", "Payments:Sandbox:Secret is the public default")]
    [InlineData("short-secret", "https://shop.example.test", "Payments:Sandbox:Secret is shorter than 32 characters")]
    [InlineData("a-real-secret-of-at-least-32-characters!", null, "App:PublicOrigin is not set")]
    [InlineData("a-real-secret-of-at-least-32-characters!", "shop.example.test", "App:PublicOrigin \"shop.example.test\" must be an absolute http(s) address")]
    public async Task Start_ProductionSandboxMisconfigured_OneLineAndExitCode1(string? secret, string? origin, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Payments__Sandbox__Enabled"] = "true",
            ["Payments__Sandbox__Secret"] = secret,
            ["App__PublicOrigin"] = origin,
        };

        var (code, stdout, stderr) = await RunAppAsync(environment);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("SocialStore cannot start: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Start_ProductionWithoutPublicOrigin_RefusedWithOneLine()
    {
        // No sandbox, no origin: links in emails would otherwise be built on whatever Host a request names (issue 11).
        var (code, stdout, stderr) = await RunAppAsync(new() { ["App__PublicOrigin"] = null });

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("SocialStore cannot start: App:PublicOrigin is not set; outside Development", line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Start_ProductionSandboxShortSecret_RefusedWithoutPrintingIt()
    {
        var (code, _, stderr) = await RunAppAsync(new()
        {
            ["Payments__Sandbox__Enabled"] = "true",
            ["Payments__Sandbox__Secret"] = "short-but-private",
        });

        Assert.Equal(1, code);
        Assert.DoesNotContain("short-but-private", stderr);
    }

    /// <summary>
    /// Runs the built app (<c>dotnet SocialStore.Web.dll</c>) in Production on a fresh SQLite file until it exits
    /// (a refused start-up exits before it listens); killed after a minute.
    /// </summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunAppAsync(Dictionary<string, string?> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SocialStore.Web.dll");
        Assert.True(File.Exists(dll), dll);
        var data = Path.Combine(Path.GetTempPath(), "socialstore-startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = "Sqlite";
        env["ConnectionStrings__SocialStore"] = $"Data Source={Path.Combine(data, "socialstore.db")}";
        env["Media__Root"] = Path.Combine(data, "media");
        env["Seed__OnStartup"] = "false";
        foreach (var (key, value) in environment)
        {
            if (value is null) env.Remove(key);
            else env[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app did not refuse to start:\n" + await stdout + await stderr);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
