using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file (Development environment, requests from loopback, so confirmation links show on the page).
/// <see cref="Seed"/> chooses whether the demo community is generated at start-up.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "socialstore-app-tests", Guid.NewGuid().ToString("N"));

    public bool Seed { get; init; }

    protected AppFactory(bool seed) => Seed = seed;

    public AppFactory()
    {
    }

    public Dictionary<string, string?> Settings { get; } = [];

    public string DataDirectory => dataDirectory;

    /// <summary>Counts every database command the app runs (see <see cref="CommandCounter"/>).</summary>
    public CommandCounter Commands { get; } = new();

    private bool started;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        started = true;
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: the app reads its database settings while its
        // builder runs, before configuration added by the factory would be applied.
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialStore"] = $"Data Source={Path.Combine(dataDirectory, "socialstore.db")}",
            ["Media:Root"] = Path.Combine(dataDirectory, "media"),
            ["Seed:OnStartup"] = Seed ? "true" : "false",
            // Tests see every render (round trips, fresh data); AnonymousPageCacheTests turn the cache on.
            ["Caching:AnonymousPages"] = "false",
        };
        foreach (var (key, value) in settings.Concat(Settings)) builder.UseSetting(key, value);
        // The app migrates at start-up; on its own fresh file, start it from a copy of the migrated
        // template instead (see TestDatabase.Templates), so that start-up finds no migration pending.
        var ownFile = Path.Combine(dataDirectory, "socialstore.db");
        if (!Settings.ContainsKey("ConnectionStrings:SocialStore") && !Settings.ContainsKey("Database:Provider") && !File.Exists(ownFile))
            Task.Run(() => TestDatabase.Templates.CopySqliteAsync(ownFile)).GetAwaiter().GetResult();
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
            services.AddTransient<IStartupFilter, RemoteAddressStartupFilter>();
        });
    }

    /// <summary>Sent by a test to play a client on another machine; without it a request comes from this one, as a browser on the developer's machine would.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>The test server leaves the connection's address empty: give it loopback, or the address a test asked for.</summary>
    private sealed class RemoteAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader].ToString(), out var address)
                    ? address
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// Writes the queued behaviour events while the app and its database are still there: the writer's own flush at
    /// shutdown runs while the host is being torn down (its service provider may be gone, and a test deletes the
    /// database right after), which logged "no such table" / "Failed executing DbCommand" after the test had passed.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (started)
        {
            try
            {
                await Services.GetRequiredService<SocialStore.Domain.Recommendations.BehaviourEventWriter>().DrainAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Already stopped, or the test removed the database itself: the events are lost as they would be at shutdown.
            }
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
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
    /// <param name="seed">Generate the demo community at start-up (the server starts in the constructor, so this cannot be an initializer).</param>
    /// <param name="settings">More settings, for the same reason (e.g. a second node on the first one's database and Redis).</param>
    public KestrelAppFactory(bool seed = false, IReadOnlyDictionary<string, string?>? settings = null)
        : base(seed)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) Settings[key] = value;
        Port = FreePort();
        // Payment return and callback URLs are built from the public origin, never from a request's Host.
        Settings["App:PublicOrigin"] = BaseUrl;
        // The sandbox waits 600 ms before its callback to play a real provider; the browser journeys wait for the
        // paid state either way (the return page refreshes itself), so they need not wait for the act.
        Settings.TryAdd("Payments:Sandbox:CallbackDelayMilliseconds", "0");
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
