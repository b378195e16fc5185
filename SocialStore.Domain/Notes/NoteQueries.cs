using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Notes;

public sealed record NoteImageView(string Key, int Width, int Height, string Alt);

public sealed record NoteAuthor(string Id, string Handle, string DisplayName, string? AvatarKey, string Bio, int FollowerCount);

public sealed record NoteDetail(
    long Id,
    string Title,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int ShareCount,
    NoteAuthor Author,
    IReadOnlyList<NoteImageView> Images,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ProductCard> Products,
    NoteSocialState Social);

public sealed class NoteQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TopicQueries topics)
{
    /// <summary>
    /// A published note with everything its page shows and what the viewer did to it; null when
    /// missing, hidden, deleted or a draft. One query reads the note, author, images, topic and
    /// product ids and the viewer's flags (only direct joins: SQLite cannot push a filter into a
    /// joined subquery); tagged products take a second query only when there are any.
    /// </summary>
    public async Task<NoteDetail?> DetailAsync(long id, string? viewerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Notes.AsNoTracking()
            .Where(n => n.Id == id && n.Status == NoteStatus.Published)
            .Select(n => new
            {
                n.Id,
                n.Title,
                n.Body,
                n.CreatedAt,
                n.EditedAt,
                n.ShareCount,
                Author = new NoteAuthor(n.AuthorId, n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey, n.Author.Bio, n.Author.FollowerCount),
                Images = n.Images.OrderBy(i => i.Position).Select(i => new NoteImageView(i.StorageKey, i.Width, i.Height, i.Alt)).ToList(),
                TopicIds = n.Topics.Select(t => t.TopicId).ToList(),
                ProductIds = n.Products.OrderBy(p => p.Position).Select(p => p.ProductId).ToList(),
                Social = new NoteSocialState(
                    n.Id, n.AuthorId, n.LikeCount, n.CollectCount, n.CommentCount,
                    viewerId != null && db.NoteLikes.Any(l => l.NoteId == n.Id && l.UserId == viewerId),
                    viewerId != null && db.Collects.Any(c => c.NoteId == n.Id && c.UserId == viewerId),
                    viewerId != null && db.Follows.Any(f => f.FollowerId == viewerId && f.FolloweeId == n.AuthorId)),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;

        IReadOnlyList<ProductCard> products = [];
        if (row.ProductIds.Count > 0)
        {
            var found = await db.Products.AsNoTracking()
                .Where(p => row.ProductIds.Contains(p.Id) && p.Status == ProductStatus.OnSale)
                .Select(p => new ProductCard(p.Id, p.Title, p.Brand, p.Price, p.Currency, p.CoverKey, p.SalesCount))
                .ToListAsync(cancellationToken);
            products = row.ProductIds.Select(pid => found.FirstOrDefault(p => p.Id == pid)).OfType<ProductCard>().ToList();
        }
        var names = await topics.NamesAsync(row.TopicIds, cancellationToken);
        return new NoteDetail(row.Id, row.Title, row.Body, row.CreatedAt, row.EditedAt, row.ShareCount, row.Author, row.Images, names, products, row.Social);
    }

    /// <summary>The author's other recent notes, for "more from this author".</summary>
    public async Task<IReadOnlyList<NoteCard>> MoreFromAuthorAsync(string authorId, long exceptNoteId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes.AsNoTracking()
            .Where(n => n.AuthorId == authorId && n.Id != exceptNoteId && n.Status == NoteStatus.Published)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(count)
            .Select(FeedQueries.CardProjection)
            .ToListAsync(cancellationToken);
    }
}
