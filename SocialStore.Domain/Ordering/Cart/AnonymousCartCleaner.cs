using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>Settings of the "Ordering:AnonymousCarts" section: how long a cookie-only cart is kept.</summary>
public sealed class AnonymousCartOptions
{
    public const string Section = "Ordering:AnonymousCarts";

    public bool Enabled { get; set; } = true;

    /// <summary>An anonymous cart none of whose lines changed for this many days is deleted (default 30).</summary>
    public int MaxAgeDays { get; set; } = 30;

    /// <summary>How often old carts are looked for (default every 60 minutes).</summary>
    public int SweepMinutes { get; set; } = 60;

    /// <summary>At most this many carts are deleted per round (default 500); the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Deletes anonymous carts (owner key <c>a:…</c>, see <see cref="CartItem"/>) whose newest line is older than
/// <see cref="AnonymousCartOptions.MaxAgeDays"/>. Signed-in people's carts (<c>u:…</c>) are never touched.
/// The delete repeats the due condition, so a cart that got a new or changed line meanwhile stays whole,
/// and two nodes running it at once delete each line at most once.
/// </summary>
public sealed class AnonymousCartCleaner(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<AnonymousCartOptions> options, ILogger<AnonymousCartCleaner>? logger = null)
{
    private const string AnonymousPrefix = "a:";

    private readonly ILogger logger = logger ?? NullLogger<AnonymousCartCleaner>.Instance;

    /// <summary>Deletes at most one batch of old anonymous carts; returns how many cart lines this call deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, settings.MaxAgeDays));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await Due(db, cutoff).Select(c => c.OwnerKey).Distinct().OrderBy(k => k)
            .Take(Math.Max(1, settings.BatchSize)).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var deleted = await Due(db, cutoff).Where(c => due.Contains(c.OwnerKey)).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Lines} lines of {Carts} anonymous carts unchanged since {Cutoff}", deleted, due.Count, cutoff);
        return deleted;
    }

    /// <summary>Lines of anonymous carts none of whose lines changed at or after <paramref name="cutoff"/>.</summary>
    private static IQueryable<CartItem> Due(SocialStoreDbContext db, DateTimeOffset cutoff) =>
        db.CartItems.Where(c => c.OwnerKey.StartsWith(AnonymousPrefix)
            && !db.CartItems.Any(o => o.OwnerKey == c.OwnerKey && o.UpdatedAt >= cutoff));
}

/// <summary>Runs <see cref="AnonymousCartCleaner"/> at start-up and then every <see cref="AnonymousCartOptions.SweepMinutes"/>.</summary>
public sealed class AnonymousCartWorker(AnonymousCartCleaner cleaner, TimeProvider clock, IOptions<AnonymousCartOptions> options, ILogger<AnonymousCartWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => cleaner.SweepAsync(cancellationToken);
}
