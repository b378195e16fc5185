using Microsoft.EntityFrameworkCore;

namespace SocialStore.Domain.Data.Seed;

/// <summary>Generates the demo community (first start, <c>seed</c>) and the large benchmark set (<c>seed --scale large</c>).</summary>
public sealed class DemoDataSeeder(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Notes.AnyAsync(cancellationToken);
    }

    public Task SeedDemoAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SeedLargeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
