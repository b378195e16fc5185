using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using SocialStore.Domain;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Web.Components;
using SocialStore.Web.Components.Account;
using SocialStore.Web.Endpoints;

namespace SocialStore.Web.Hosting;

public static class SocialStoreHosting
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddSocialStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudLocalizer, SocialStore.Web.Services.MudResourceLocalizer>();
        // Chinese text is written as is, not as &#x...; entities (a third of the bytes).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // Cookie first (the user's explicit choice), then the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddSingleton(TimeProvider.System);
        // Payment guards first (ADR-027): a refused configuration stops start-up before anything else runs.
        var (sandbox, origin) = PaymentGuards.Check(builder.Configuration, builder.Environment);
        services.AddSingleton<IPublicOrigin>(sp => new ServerPublicOrigin(sp.GetRequiredService<IServer>(), origin));
        services.AddScoped(sp => new AbsoluteUrls(sp.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>(), origin));
        services.AddSocialStoreData(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSocialStoreDomain(builder.Configuration, builder.Environment.ContentRootPath, sandboxByDefault: sandbox);
        services.AddSocialStoreDataProtection();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<SocialStore.Web.Services.BadgeCountsMemo>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // A revoked role or a changed password reaches the person's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<ApplicationUser>(IdentityConfiguration.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SocialStoreDbContext>()
            .AddSignInManager<SocialStore.Web.Components.Account.SocialStoreSignInManager>()
            .AddClaimsPrincipalFactory<SocialStoreClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddAuthorization();
        services.AddCartHosting();
        services.AddDeviceHosting();
        services.AddSocialStoreEmail(builder.Configuration);

        var cachePages = builder.Configuration.GetValue("Caching:AnonymousPages", true);
        services.AddOutputCache(o => { if (cachePages) o.AddBasePolicy(new AnonymousPageCache()); });
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ContentChangeEvictor>();
        // Redis:Configuration set ⇒ the live bus and the page cache are shared by every node (ADR-052).
        services.AddSocialStoreRedis(builder.Configuration);

        services.AddSocialStoreRateLimits(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (builder.Environment.IsDevelopment()) services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    public static WebApplication UseSocialStore(this WebApplication app)
    {
        // First, so every answer has them: errors, static files, cached pages (ADR-029).
        app.Use(SecurityHeaders.Middleware(app.Configuration));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            // The host filter (on by default) answers 400 to any Host not in AllowedHosts; "*" serves every name.
            if (app.Configuration["AllowedHosts"] is null or "" or "*")
                app.Logger.LogWarning("AllowedHosts is \"*\": requests for any host name are served. Set AllowedHosts to the shop's host names (README, \"Host names\").");
        }
        EmailHosting.WarnWhenLogOnly(app.Services, app.Environment, app.Logger);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        var sandbox = app.Services.GetService<SandboxGateway>() is not null;
        // Without the sandbox (ADR-027) its hosted page and callback do not exist.
        if (!sandbox) app.Use(PaymentEndpoints.HideSandboxAsync);
        app.UseRequestLocalization();
        // After localisation (the 429 page speaks the request's language), before the cache (cached pages count too); ADR-031.
        app.UseRateLimiter();
        app.Use(StaffTwoFactorGate.Middleware);
        app.Use(AnonymousPageCache.DropAntiforgeryCookieAsync);
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapStaticAssets().DisableRateLimiting();
        // Benchmarks only: a plain static-file baseline served by the same process (docs/benchmarks.md).
        var benchRoot = app.Configuration["Benchmark:StaticRoot"];
        if (!string.IsNullOrEmpty(benchRoot))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(benchRoot)), RequestPath = "/bench-static" });
        // Our policy already says frame-ancestors 'none'; Blazor would add a second CSP header with 'self'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        app.MapCultureEndpoints();
        app.MapMediaEndpoints();
        app.MapShareLinkEndpoints();
        app.Use(ReferralEndpoints.CarryOverMiddleware);
        app.MapReferralEndpoints();
        app.MapSearchEndpoints();
        app.MapCartEndpoints();
        app.MapPaymentEndpoints(sandbox);
        app.MapOrderEndpoints();
        app.MapDashboardEndpoints();
        app.MapGroupBuyEndpoints();
        app.MapCouponEndpoints();
        app.MapFlashSaleEndpoints();
        app.MapBargainEndpoints();
        app.MapRedPacketEndpoints();
        app.MapPointsEndpoints();
        app.MapRecommendationEndpoints();
        app.MapHealthChecks("/health").DisableRateLimiting();
        return app;
    }
}
