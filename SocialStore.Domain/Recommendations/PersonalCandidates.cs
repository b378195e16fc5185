using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>
/// One note of a person's precomputed personal pool (ADR-053): a note by someone they follow, in one of their interest
/// topics or co-engaged with what they liked, with its co-engagement ("similar") term (0–1). Refilled as a whole by
/// <see cref="PersonalCandidateStore"/>; the page reads it with one indexed query.
/// </summary>
public class PersonalCandidate
{
    public string UserId { get; set; } = "";

    public long NoteId { get; set; }

    public double Similar { get; set; }
}

/// <summary>A person's topic affinity at the last refill (likes weigh 1, collects 2, last 90 days), before "removed" filtering.</summary>
public class PersonalInterest
{
    public string UserId { get; set; } = "";

    public int TopicId { get; set; }

    public int Weight { get; set; }
}

/// <summary>When a person's candidates and interests were last refilled (a person with no history has a set with no rows).</summary>
public class PersonalCandidateSet
{
    public string UserId { get; set; } = "";

    public DateTimeOffset RefreshedAt { get; set; }
}

public sealed class PersonalCandidateConfiguration : IEntityTypeConfiguration<PersonalCandidate>
{
    public void Configure(EntityTypeBuilder<PersonalCandidate> builder)
    {
        builder.HasKey(c => new { c.UserId, c.NoteId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to notes (SQL Server allows one cascade path): the page joins published notes, so a missing one drops out.
    }
}

public sealed class PersonalInterestConfiguration : IEntityTypeConfiguration<PersonalInterest>
{
    public void Configure(EntityTypeBuilder<PersonalInterest> builder)
    {
        builder.HasKey(i => new { i.UserId, i.TopicId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to topics: the read joins topics, so a missing one drops out; the next refill forgets it.
    }
}

public sealed class PersonalCandidateSetConfiguration : IEntityTypeConfiguration<PersonalCandidateSet>
{
    public void Configure(EntityTypeBuilder<PersonalCandidateSet> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.RefreshedAt);
    }
}

public sealed class PersonalCandidateOptions
{
    public const string Section = "Recommendations:Candidates";

    /// <summary>A set older than this is recomputed by the request that needs it.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The worker refills the sets of active people once they are older than this.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>People with a signed-in behaviour event in this window are "active".</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for active people with an old set.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many sets per worker round.</summary>
    public int PerRound { get; set; } = 500;
}

/// <summary>
/// Keeps each person's personal pool (<see cref="PersonalCandidate"/>) and topic affinity (<see cref="PersonalInterest"/>)
/// precomputed (ADR-053). The expensive part of the personal Discover — topic affinity over all likes and collects,
/// co-engagement, the newest 300 of the union of follows, topics and co-engaged notes — runs here, at most once per
/// person per <see cref="PersonalCandidateOptions.RefreshAfter"/> (worker) or when the set is missing, older than
/// <see cref="PersonalCandidateOptions.MaxAge"/>, or older than the person's last like/collect/comment in this process.
/// </summary>
public sealed class PersonalCandidateStore(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IMemoryCache cache, IOptions<PersonalCandidateOptions> options,
    BehaviourEventSink? sink = null)
{
    private static string FreshKey(string userId) => "recs:set:" + userId;

    /// <summary>
    /// Refills the set when it is stale; returns true when it did. Costs no query when this process refilled or saw the set
    /// recently, one (the set's time) otherwise, plus the refill when needed.
    /// </summary>
    public async Task<bool> EnsureFreshAsync(SocialStoreDbContext db, string userId, RecommendationState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = sink?.PersonalChangeAt(userId);
        if (!cache.TryGetValue(FreshKey(userId), out DateTimeOffset refreshedAt))
        {
            var stored = await db.PersonalCandidateSets.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.RefreshedAt).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                await RefillAsync(userId, state, ct);
                return true;
            }
            refreshedAt = stored.Value;
            Remember(userId, refreshedAt);
        }
        if (now - refreshedAt > options.Value.MaxAge || (changed is { } c && c >= refreshedAt))
        {
            await RefillAsync(userId, state, ct);
            return true;
        }
        return false;
    }

    private void Remember(string userId, DateTimeOffset refreshedAt) =>
        cache.Set(FreshKey(userId), refreshedAt, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1), Size = 1 });

    /// <summary>The person's stored topic affinity with the topics' names, strongest first. One indexed read.</summary>
    internal static async Task<List<InterestTag>> AffinityAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var affinity = await db.PersonalInterests.AsNoTracking().Where(i => i.UserId == userId)
            .Join(db.Topics, i => i.TopicId, t => t.Id, (i, t) => new { i.TopicId, t.Name, i.Weight })
            .OrderByDescending(x => x.Weight).ThenBy(x => x.TopicId)
            .ToListAsync(ct);
        return affinity.Select(a => new InterestTag(a.TopicId, a.Name, a.Weight)).ToList();
    }

    /// <summary>Recomputes the person's set and replaces the stored one in one transaction; two refills at once: the last wins.</summary>
    public async Task RefillAsync(string userId, RecommendationState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var computed = await ComputeAsync(db, userId, state, now, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // The set's row is written first: it locks the person's set, so refills of one person queue up instead of deadlocking.
                var updated = await db.PersonalCandidateSets.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshedAt, now), ct);
                if (updated == 0)
                {
                    db.PersonalCandidateSets.Add(new PersonalCandidateSet { UserId = userId, RefreshedAt = now });
                    await db.SaveChangesAsync(ct);
                }
                await db.PersonalCandidates.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
                await db.PersonalInterests.Where(i => i.UserId == userId).ExecuteDeleteAsync(ct);
                db.PersonalCandidates.AddRange(computed.Pool.Select(p => new PersonalCandidate { UserId = userId, NoteId = p.NoteId, Similar = p.Similar }));
                db.PersonalInterests.AddRange(computed.Affinity.Select(a => new PersonalInterest { UserId = userId, TopicId = a.TopicId, Weight = a.Count }));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another node or request made the person's first set at the same moment: its set stands.
            return;
        }
        Remember(userId, now);
    }

    internal sealed record Computed(IReadOnlyList<InterestTag> Affinity, IReadOnlyList<(long NoteId, double Similar)> Pool);

    /// <summary>The expensive part of the personal feed (ADR-045 §2's candidates): affinity, follows, co-engagement, personal pool.</summary>
    internal static async Task<Computed> ComputeAsync(SocialStoreDbContext db, string userId, RecommendationState state, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - PersonalisationService.InterestWindow;
        var all = await PersonalisationService.TopicAffinityAsync(db, userId, since, ct);
        var pool = await PersonalFeedQueries.PersonalPoolAsync(db, userId, state, all, since, ct);
        return new Computed(all, pool);
    }

    /// <summary>The active people whose set is missing or older than <see cref="PersonalCandidateOptions.RefreshAfter"/>, refilled; returns how many.</summary>
    public async Task<int> RefreshActiveAsync(PersonalisationService personalisation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var activeSince = now - options.Value.ActiveWindow;
        var oldBefore = now - options.Value.RefreshAfter;
        List<string> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.BehaviourEvents.Where(e => e.OccurredAt >= activeSince && e.UserId != null && e.Personalised)
                .Select(e => e.UserId!).Distinct()
                .Where(u => !db.PersonalCandidateSets.Any(s => s.UserId == u && s.RefreshedAt >= oldBefore))
                .Where(u => db.Users.Any(x => x.Id == u))
                .OrderBy(u => u).Take(Math.Max(1, options.Value.PerRound))
                .ToListAsync(ct);
        }
        var count = 0;
        foreach (var userId in due)
        {
            var state = await personalisation.StateAsync(userId, ct);
            if (!state.Enabled) continue;
            await RefillAsync(userId, state, ct);
            count++;
        }
        return count;
    }
}

/// <summary>Refills the candidate sets of active people before they go stale, so their page is one indexed read.</summary>
public sealed class PersonalCandidateWorker(
    PersonalCandidateStore store, PersonalisationService personalisation, TimeProvider clock, IOptions<PersonalCandidateOptions> options,
    IOptions<BehaviourEventOptions> events, ILogger<PersonalCandidateWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => events.Value.Enabled;

    protected override bool RunAtStart => false;

    protected override TimeSpan Interval => options.Value.SweepEvery > TimeSpan.Zero ? options.Value.SweepEvery : TimeSpan.FromMinutes(2);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var refilled = await store.RefreshActiveAsync(personalisation, cancellationToken);
        if (refilled > 0) logger.LogInformation("Refilled {Count} personal candidate sets", refilled);
    }
}
