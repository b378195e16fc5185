using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// An integration page test: the real app (<see cref="AppFactory"/>, its own fresh SQLite file) started before each
/// test and stopped after it (xUnit makes one instance per test). Derive; put settings the app must start with in
/// <see cref="Configure"/>; seed through <c>db</c> and request pages through <c>app</c>.
/// </summary>
public abstract class AppPageTest : IAsyncLifetime
{
#pragma warning disable IDE1006, CA1051 // short names read like the fields every page test declared before
    protected readonly AppFactory app = new();
    protected IDbContextFactory<SocialStoreDbContext> db = default!;
#pragma warning restore IDE1006, CA1051

    /// <summary>Called before the app starts: set <c>app.Settings</c> here.</summary>
    protected virtual void Configure()
    {
    }

    public virtual Task InitializeAsync()
    {
        Configure();
        _ = app.Server;
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await app.DisposeAsync();
}
