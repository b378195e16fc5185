using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>
/// The app on a real port plus one test-only endpoint, /__test/notes/{id}/interactions, that renders
/// <see cref="InteractionsHost"/> so the islands can be clicked in a browser before the note page exists.
/// </summary>
public sealed class InteractionsHostApp : AppFactory
{
    public InteractionsHostApp()
    {
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public string BaseUrl => $"http://localhost:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, HostEndpointFilter>());
    }

    private sealed class HostEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseAuthentication();
            app.UseAntiforgery();
            app.UseEndpoints(endpoints => endpoints.MapGet("/__test/notes/{id:long}/interactions", async (long id, HttpContext http, SocialQueries queries) =>
            {
                var viewer = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                var state = await queries.ForNoteAsync(id, viewer, http.RequestAborted);
                return new RazorComponentResult<InteractionsHost>(new
                {
                    NoteId = id,
                    Liked = state?.Liked ?? false,
                    LikeCount = state?.LikeCount ?? 0,
                    CollectCount = state?.CollectCount ?? 0,
                });
            }));
            next(app);
        };
    }
}
