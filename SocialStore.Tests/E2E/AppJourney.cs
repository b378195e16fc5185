using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>
/// A browser journey against an app: xUnit makes one instance per test, so by default each test gets a fresh app (its
/// own database) that <see cref="DisposeAsync"/> stops. A class whose tests are independent of each other (each makes
/// its own users, products and campaigns and counts only those) passes a <see cref="SharedJourneyApp"/> class fixture
/// instead and saves an app start per test. Derive, seed through <c>app.Services</c> / <c>db</c>, and drive the pages
/// with a page from the shared <see cref="BrowserFixture"/>.
/// </summary>
public abstract class AppJourney : IAsyncLifetime
{
    private readonly SharedJourneyApp? shared;

#pragma warning disable IDE1006, CA1051 // short names read like the local variables the journeys used before
    protected KestrelAppFactory app = default!;
    protected IDbContextFactory<SocialStoreDbContext> db = default!;
#pragma warning restore IDE1006, CA1051

    protected AppJourney()
    {
    }

    protected AppJourney(SharedJourneyApp shared) => this.shared = shared;

    public virtual Task InitializeAsync()
    {
        app = shared?.App ?? new KestrelAppFactory();
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (shared is null) await app.DisposeAsync();
    }
}

/// <summary>One app for every test of a journey class (an xUnit class fixture), stopped after the class's last test.</summary>
public class SharedJourneyApp : IAsyncLifetime
{
    public KestrelAppFactory App { get; private set; } = default!;

    protected virtual KestrelAppFactory Start() => new();

    public Task InitializeAsync()
    {
        App = Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A <see cref="SharedJourneyApp"/> that generated the demo community at start-up (the slow part of starting it).</summary>
public sealed class SeededJourneyApp : SharedJourneyApp
{
    protected override KestrelAppFactory Start() => new(seed: true);
}
