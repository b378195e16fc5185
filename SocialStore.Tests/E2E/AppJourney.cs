using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>
/// A browser journey against its own app: xUnit makes one instance per test, so each test gets a fresh app (its
/// own database) that <see cref="DisposeAsync"/> stops. Derive, seed through <c>app.Services</c> / <c>db</c>,
/// and drive the pages with a page from the shared <see cref="BrowserFixture"/>.
/// </summary>
public abstract class AppJourney : IAsyncLifetime
{
#pragma warning disable IDE1006, CA1051 // short names read like the local variables the journeys used before
    protected KestrelAppFactory app = default!;
    protected IDbContextFactory<SocialStoreDbContext> db = default!;
#pragma warning restore IDE1006, CA1051

    public virtual Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await app.DisposeAsync();
}
