using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file (Development environment, so confirmation links show on the page).
/// <see cref="Seed"/> chooses whether the demo community is generated at start-up.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "socialstore-app-tests", Guid.NewGuid().ToString("N"));

    public bool Seed { get; init; }

    public Dictionary<string, string?> Settings { get; } = [];

    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialStore"] = $"Data Source={Path.Combine(dataDirectory, "socialstore.db")}",
            ["Media:Root"] = Path.Combine(dataDirectory, "media"),
            ["Seed:OnStartup"] = Seed ? "true" : "false",
        }.Concat(Settings)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The app on a real loopback port, for Playwright (.NET 10: UseKestrel + StartServer).</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory()
    {
        Port = FreePort();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    /// <summary>localhost, not 127.0.0.1: the passkey script rejects IP hosts.</summary>
    public string BaseUrl => $"http://localhost:{Port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
