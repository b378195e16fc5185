using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>What the personal feed needs to know about a person's choices, read once and cached until they change.</summary>
public sealed record RecommendationState(
    bool Enabled,
    IReadOnlySet<long> HiddenNotes,
    IReadOnlySet<int> HiddenTopics,
    IReadOnlySet<string> HiddenAuthors,
    IReadOnlySet<int> RemovedInterests)
{
    public static readonly RecommendationState Default = new(true, new HashSet<long>(), new HashSet<int>(), new HashSet<string>(), new HashSet<int>());
}

/// <summary>An interest tag: a topic of notes the person liked or collected, with how many.</summary>
public sealed record InterestTag(int TopicId, string Name, int Count);

/// <summary>
/// The personalisation switch, "not interested" and interest tags (ADR-045 §2). Every change is one statement whose
/// result is read by the very next request: the cached state of the person is evicted in the same call.
/// </summary>
public sealed class PersonalisationService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>Likes and collects older than this no longer make an interest.</summary>
    public static readonly TimeSpan InterestWindow = TimeSpan.FromDays(90);

    public const int MaxInterestTags = 12;

    private static string CacheKey(string userId) => "recs:state:" + userId;

    public async Task<RecommendationState> StateAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(userId), out RecommendationState? cached) && cached is not null) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var enabled = await db.PersonalisationSettings.Where(s => s.UserId == userId).Select(s => (bool?)s.Enabled).FirstOrDefaultAsync(cancellationToken) ?? true;
        var feedback = enabled
            ? await db.RecommendationFeedback.AsNoTracking().Where(f => f.UserId == userId).Select(f => new { f.Kind, f.Target }).ToListAsync(cancellationToken)
            : [];
        var state = new RecommendationState(
            enabled,
            feedback.Where(f => f.Kind == FeedbackKind.Note).Select(f => ParseLong(f.Target)).OfType<long>().ToHashSet(),
            feedback.Where(f => f.Kind == FeedbackKind.Topic).Select(f => ParseInt(f.Target)).OfType<int>().ToHashSet(),
            feedback.Where(f => f.Kind == FeedbackKind.Author).Select(f => f.Target).ToHashSet(StringComparer.Ordinal),
            feedback.Where(f => f.Kind == FeedbackKind.RemovedInterest).Select(f => ParseInt(f.Target)).OfType<int>().ToHashSet());
        cache.Set(CacheKey(userId), state, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
        return state;
    }

    /// <summary>Turns personalisation on or off; the next request sees it. Flipping it quickly is harmless: the last call wins.</summary>
    public async Task SetEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var updated = await db.PersonalisationSettings.Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, enabled).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (updated == 0)
            {
                db.PersonalisationSettings.Add(new PersonalisationSetting { UserId = userId, Enabled = enabled, UpdatedAt = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    // Another request made the row first: set it to this choice.
                    await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
                    await again.PersonalisationSettings.Where(s => s.UserId == userId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, enabled).SetProperty(x => x.UpdatedAt, now), cancellationToken);
                }
            }
        }
        cache.Remove(CacheKey(userId));
    }

    /// <summary>"Not interested" in a note (must be published), a topic or an author. Saying it twice changes nothing.</summary>
    public async Task NotInterestedAsync(string userId, FeedbackKind kind, string target, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = kind switch
        {
            FeedbackKind.Note => ParseLong(target) is { } noteId && await db.Notes.AnyAsync(n => n.Id == noteId && n.Status == NoteStatus.Published, cancellationToken)
                ? noteId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : throw new DomainException(RecommendationErrors.NoteUnavailable),
            FeedbackKind.Topic or FeedbackKind.RemovedInterest => ParseInt(target) is { } topicId && await db.Topics.AnyAsync(t => t.Id == topicId, cancellationToken)
                ? topicId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : throw new DomainException(RecommendationErrors.TopicNotFound),
            FeedbackKind.Author => target.Length <= RecommendationFeedback.TargetMaxLength && await db.Users.AnyAsync(u => u.Id == target, cancellationToken)
                ? target
                : throw new DomainException(RecommendationErrors.AuthorNotFound),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (!await db.RecommendationFeedback.AnyAsync(f => f.UserId == userId && f.Kind == kind && f.Target == key, cancellationToken))
        {
            db.RecommendationFeedback.Add(new RecommendationFeedback { UserId = userId, Kind = kind, Target = key, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // The same choice made twice at once: one row, as intended.
            }
        }
        cache.Remove(CacheKey(userId));
    }

    /// <summary>Takes back a "not interested" or a deleted interest; true when there was one.</summary>
    public async Task<bool> UndoAsync(string userId, FeedbackKind kind, string target, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.RecommendationFeedback.Where(f => f.UserId == userId && f.Kind == kind && f.Target == target).ExecuteDeleteAsync(cancellationToken);
        cache.Remove(CacheKey(userId));
        return deleted > 0;
    }

    /// <summary>Deletes an interest tag: the topic stops counting as an interest.</summary>
    public Task RemoveInterestAsync(string userId, int topicId, CancellationToken cancellationToken) =>
        NotInterestedAsync(userId, FeedbackKind.RemovedInterest, topicId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>The person's interest tags, strongest first, without the deleted ones (one query plus the cached state).</summary>
    public async Task<IReadOnlyList<InterestTag>> InterestsAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await StateAsync(userId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await TopicAffinityAsync(db, userId, clock.GetUtcNow() - InterestWindow, cancellationToken);
        return all.Where(t => !state.RemovedInterests.Contains(t.TopicId) && !state.HiddenTopics.Contains(t.TopicId)).Take(MaxInterestTags).ToList();
    }

    /// <summary>The topics of the notes the person liked or collected since <paramref name="since"/> (a collect weighs two), strongest first.</summary>
    internal static async Task<List<InterestTag>> TopicAffinityAsync(SocialStoreDbContext db, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var liked = db.NoteLikes.Where(l => l.UserId == userId && l.CreatedAt >= since).Select(l => new { l.NoteId, Weight = 1 });
        var collected = db.Collects.Where(c => c.UserId == userId && c.CreatedAt >= since).Select(c => new { c.NoteId, Weight = 2 });
        var rows = await liked.Concat(collected)
            .Join(db.NoteTopics, s => s.NoteId, nt => nt.NoteId, (s, nt) => new { nt.TopicId, s.Weight })
            .GroupBy(x => x.TopicId)
            .Select(g => new { TopicId = g.Key, Count = g.Sum(x => x.Weight) })
            .Join(db.Topics, g => g.TopicId, t => t.Id, (g, t) => new { g.TopicId, t.Name, g.Count })
            .OrderByDescending(x => x.Count).ThenBy(x => x.TopicId)
            .Take(50)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new InterestTag(r.TopicId, r.Name, r.Count)).ToList();
    }

    /// <summary>The names of these topics (for the settings' "not interested" list), by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TopicNamesAsync(IReadOnlySet<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var list = ids.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Topics.Where(t => list.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    private static long? ParseLong(string s) => long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? ParseInt(string s) => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
