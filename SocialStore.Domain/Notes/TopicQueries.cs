using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Notes;

public sealed record TopicSummary(int Id, string Name, int NoteCount);

public sealed class TopicQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan TrendingWindow = TimeSpan.FromDays(7);

    /// <summary>A topic by name with its number of published notes; the count reads many rows, so it is cached for a minute.</summary>
    public async Task<TopicSummary?> FindAsync(string name, CancellationToken cancellationToken)
    {
        name = name.Trim().TrimStart('#');
        if (name.Length is 0 or > Topic.NameMaxLength) return null;
        var key = "topics:find:" + name;
        if (cache.TryGetValue(key, out TopicSummary? cached) && cached is not null) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var topic = await db.Topics.AsNoTracking()
            .Where(t => t.Name == name)
            .Select(t => new TopicSummary(t.Id, t.Name,
                db.NoteTopics.Count(nt => nt.TopicId == t.Id && nt.Note!.Status == NoteStatus.Published)))
            .FirstOrDefaultAsync(cancellationToken);
        if (topic is not null) cache.Set(key, topic, TimeSpan.FromMinutes(1));
        return topic;
    }

    /// <summary>Topic names by id, in the given order, from a cache of the (small) topic table.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        if (!cache.TryGetValue(NamesKey, out Dictionary<int, string>? names) || names is null || ids.Any(id => !names.ContainsKey(id)))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            names = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            cache.Set(NamesKey, names, TimeSpan.FromMinutes(10));
        }
        return ids.Where(names.ContainsKey).Select(id => names[id]).ToList();
    }

    private const string NamesKey = "topics:names";

    /// <summary>Existing topics starting with the text (as typed after '#'), the most used first, for autocomplete.</summary>
    public async Task<IReadOnlyList<TopicSummary>> SuggestAsync(string? prefix, CancellationToken cancellationToken)
    {
        var name = TextTokens.NormaliseTopic((prefix ?? "").Trim().TrimStart('#', '＃'));
        if (name.Length is 0 or > Topic.NameMaxLength) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Topics.AsNoTracking()
            .Where(t => t.Name.StartsWith(name))
            .Select(t => new { t.Id, t.Name, Count = db.NoteTopics.Count(nt => nt.TopicId == t.Id && nt.Note!.Status == NoteStatus.Published) })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name)
            .Take(NoteService.SuggestionCount)
            .Select(t => new TopicSummary(t.Id, t.Name, t.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Topics with the most notes published in the last 7 days; cached for a few minutes (it reads many rows).</summary>
    public async Task<IReadOnlyList<TopicSummary>> TrendingAsync(int count, CancellationToken cancellationToken)
    {
        var key = $"topics:trending:{count}";
        if (cache.TryGetValue(key, out IReadOnlyList<TopicSummary>? cached) && cached is not null) return cached;
        var since = clock.GetUtcNow() - TrendingWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NoteTopics.AsNoTracking()
            .Where(nt => nt.Note!.Status == NoteStatus.Published && nt.Note.CreatedAt >= since)
            .GroupBy(nt => nt.TopicId)
            .Select(g => new { TopicId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.TopicId)
            .Take(count)
            .Join(db.Topics, g => g.TopicId, t => t.Id, (g, t) => new TopicSummary(t.Id, t.Name, g.Count))
            .ToListAsync(cancellationToken);
        var result = rows.OrderByDescending(r => r.NoteCount).ThenBy(r => r.Id).ToList();
        cache.Set(key, (IReadOnlyList<TopicSummary>)result, TimeSpan.FromMinutes(5));
        return result;
    }
}
