using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Notes;

public sealed record NoteImageView(string Key, int Width, int Height, string Alt);

public sealed record NoteAuthor(string Id, string Handle, string DisplayName, string? AvatarKey, string Bio, int FollowerCount);

public sealed record NoteDetail(
    long Id,
    string Title,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int LikeCount,
    int CollectCount,
    int CommentCount,
    int ShareCount,
    NoteAuthor Author,
    IReadOnlyList<NoteImageView> Images,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ProductCard> Products);

public sealed class NoteQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    /// <summary>A published note with everything its page shows, in one query; null when missing, hidden, deleted or a draft.</summary>
    public async Task<NoteDetail?> DetailAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes.AsNoTracking()
            .Where(n => n.Id == id && n.Status == NoteStatus.Published)
            .Select(n => new NoteDetail(
                n.Id, n.Title, n.Body, n.CreatedAt, n.EditedAt, n.LikeCount, n.CollectCount, n.CommentCount, n.ShareCount,
                new NoteAuthor(n.AuthorId, n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey, n.Author.Bio, n.Author.FollowerCount),
                n.Images.OrderBy(i => i.Position).Select(i => new NoteImageView(i.StorageKey, i.Width, i.Height, i.Alt)).ToList(),
                n.Topics.Select(t => t.Topic!.Name).ToList(),
                n.Products.OrderBy(p => p.Position)
                    .Join(db.Products.Where(p => p.Status == ProductStatus.OnSale), np => np.ProductId, p => p.Id,
                        (np, p) => new ProductCard(p.Id, p.Title, p.Brand, p.Price, p.OriginalPrice, p.Currency, p.CoverKey, p.SalesCount))
                    .ToList()))
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
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
