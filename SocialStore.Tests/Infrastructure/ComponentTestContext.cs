using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SocialStore.Domain;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up like one live server circuit of the app: the web project's .resx strings in one
/// culture, a renderer that reports an interactive server, a visitor or a signed-in user, and (after
/// <see cref="UseDatabase"/>) the domain services registered exactly as the app registers them, over a real
/// migrated test database. Nothing of the database is mocked; <see cref="Gate"/> can only make it slow.
/// </summary>
public sealed class ComponentTestContext : BunitContext
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly BunitAuthorizationContext authorization;
    private bool rendererReady;

    public ComponentTestContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<IInterceptor>(Gate);
        authorization = AddAuthorization();
    }

    /// <summary>Holds the database's commands while closed (see <see cref="DatabaseGate"/>).</summary>
    public DatabaseGate Gate { get; } = new();

    /// <summary>Components rendered from now on see this user as signed in, in these roles (Admin, Moderator).</summary>
    public ComponentTestContext SignIn(string userId, params string[] roles)
    {
        authorization.SetAuthorized(userId).SetRoles(roles).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return this;
    }

    /// <summary>Components rendered from now on see a visitor.</summary>
    public ComponentTestContext SignOut()
    {
        authorization.SetNotAuthorized();
        return this;
    }

    /// <summary>
    /// Registers the domain (AddSocialStoreData + AddSocialStoreDomain, as the app's host does) and the web
    /// layer's UI services over <paramref name="database"/>, with <paramref name="clock"/> as the time.
    /// Without a database the services are registered over a file that is never opened: for markup-only tests.
    /// </summary>
    public ComponentTestContext UseDatabase(TestDatabase? database = null, TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "socialstore-tests");
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = (database?.Provider ?? DatabaseProvider.Sqlite).ToString(),
            ["ConnectionStrings:SocialStore"] = database?.ConnectionString ?? $"Data Source={Path.Combine(scratch, "never-opened.db")}",
            ["Media:Root"] = Path.Combine(scratch, $"media-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        Services.AddSingleton(clock ?? TimeProvider.System);
        Services.AddSocialStoreData(configuration, scratch);
        Services.AddSocialStoreDomain(configuration, scratch, sandboxByDefault: true);
        Services.AddScoped<SocialStore.Web.Services.BadgeCountsMemo>();
        return this;
    }

    /// <summary>
    /// MudBlazor as the app's host sets it up (its own texts through <see cref="SocialStore.Web.Services.MudResourceLocalizer"/>),
    /// with snackbars that appear without a transition. bUnit only records MudBlazor's JavaScript calls (loose mode).
    /// </summary>
    public ComponentTestContext UseMudBlazor()
    {
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddTransient<MudLocalizer, SocialStore.Web.Services.MudResourceLocalizer>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        return this;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public override IRenderedComponent<TComponent> Render<TComponent>(RenderFragment renderFragment)
    {
        EnsureInteractiveRenderer();
        return base.Render<TComponent>(renderFragment);
    }

    public override IRenderedComponent<ContainerFragment> Render(RenderFragment renderFragment)
    {
        EnsureInteractiveRenderer();
        return base.Render(renderFragment);
    }

    // Creating the renderer builds the service provider, so it waits until every service is registered.
    private void EnsureInteractiveRenderer()
    {
        if (rendererReady) return;
        rendererReady = true;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        Gate.Open();
        await base.DisposeAsyncCore();
        RestoreCulture();
    }

    protected override void Dispose(bool disposing)
    {
        Gate.Open();
        base.Dispose(disposing);
        RestoreCulture();
    }

    private void RestoreCulture() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previousCulture, previousUiCulture);
}
