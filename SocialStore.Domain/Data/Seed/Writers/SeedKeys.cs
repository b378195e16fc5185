using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data.Seed.Generation;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>
/// The keys a bulk run gives its rows: new rows get explicit keys after the largest existing one, so the
/// set can be added on top of data that is already there; topics and categories that exist are reused.
/// </summary>
internal sealed class SeedKeys
{
    public long NoteBase { get; private init; }
    public long ImageBase { get; private init; }
    public long ProductBase { get; private init; }
    public long SkuBase { get; private init; }
    public long BoardBase { get; private init; }
    public long CommentBase { get; private init; }
    public required int[] TopicIds { get; init; }
    public required int[] CategoryIds { get; init; }

    /// <summary>Plan topics (by position) that do not exist yet.</summary>
    public required IReadOnlyList<int> NewTopics { get; init; }

    /// <summary>Plan categories (by position) that do not exist yet.</summary>
    public required IReadOnlyList<int> NewCategories { get; init; }

    public long NoteId(int index) => NoteBase + index + 1;
    public long ProductId(int index) => ProductBase + index + 1;
    public long SkuId(int index) => SkuBase + index + 1;
    public long BoardId(int index) => BoardBase + index + 1;
    public long CommentId(long index) => CommentBase + index + 1;

    public static async Task<SeedKeys> ReadAsync(SocialStoreDbContext db, SeedPlan plan, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var nextTopic = topics.Count == 0 ? 1 : topics.Values.Max() + 1;
        var newTopics = new List<int>();
        var topicIds = plan.TopicNames.Select((name, i) =>
        {
            if (topics.TryGetValue(name, out var id)) return id;
            newTopics.Add(i);
            return nextTopic++;
        }).ToArray();

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var nextCategory = categories.Count == 0 ? 1 : categories.Values.Max() + 1;
        var newCategories = new List<int>();
        var categoryIds = plan.Categories.Select(c =>
        {
            if (categories.TryGetValue(c.Slug, out var id)) return id;
            newCategories.Add(c.Index);
            return nextCategory++;
        }).ToArray();

        return new SeedKeys
        {
            NoteBase = await db.Notes.MaxAsync(n => (long?)n.Id, cancellationToken) ?? 0,
            ImageBase = await db.NoteImages.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0,
            ProductBase = await db.Products.MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0,
            SkuBase = await db.Skus.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0,
            BoardBase = await db.Boards.MaxAsync(b => (long?)b.Id, cancellationToken) ?? 0,
            CommentBase = await db.Comments.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
            TopicIds = topicIds,
            CategoryIds = categoryIds,
            NewTopics = newTopics,
            NewCategories = newCategories,
        };
    }
}
