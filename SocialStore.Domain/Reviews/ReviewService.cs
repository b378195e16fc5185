using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Reviews;

public sealed record ReviewSummary(int Count, decimal Average, IReadOnlyList<int> CountByStars, int WithPhotos)
{
    public static readonly ReviewSummary Empty = new(0, 0, [0, 0, 0, 0, 0], 0);
}

public sealed record ReviewPhoto(string Key, int Width, int Height);

public sealed record ReviewView(
    long Id, string AuthorName, string AuthorHandle, string? AuthorAvatarKey, int Stars, string Body, string SkuKey,
    int HelpfulCount, bool VotedByViewer, bool IsViewers, string? MerchantReply, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    IReadOnlyList<ReviewPhoto> Photos);

public sealed record ReviewablePurchase(long PurchaseId, string SkuKey, DateTimeOffset PurchasedAt);

/// <summary>
/// Verified reviews. Only a buyer reviews, once per purchased line; the rules are here and in
/// <see cref="Review"/>, and a unique index on the purchase makes a double submit harmless.
/// Nothing here ever creates a review on anyone's behalf: no default or automatic reviews.
/// </summary>
public sealed class ReviewService(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, TimeProvider clock)
{
    public const int PageSize = 10;

    /// <summary>
    /// The viewer's delivered order lines of this product that have no review yet. Only purchases from
    /// orders count (ADR-020): the records are written when an order is delivered; the admin grants of the
    /// catalog's stand-in stay in the table but no longer open the review form.
    /// </summary>
    public async Task<IReadOnlyList<ReviewablePurchase>> ReviewableAsync(string userId, long productId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PurchaseRecords.AsNoTracking()
            .Where(p => p.UserId == userId && p.ProductId == productId && p.Source == PurchaseSource.Order && !db.Reviews.Any(r => r.PurchaseId == p.Id))
            .OrderBy(p => p.Id)
            .Join(db.Skus, p => p.SkuId, s => s.Id, (p, s) => new ReviewablePurchase(p.Id, s.Key, p.PurchasedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<long> WriteAsync(string userId, long purchaseId, int stars, string body, IReadOnlyList<Stream> photos, CancellationToken cancellationToken)
    {
        if (photos.Count > Review.MaxPhotos) throw new DomainException(ReviewErrors.TooManyPhotos, Review.MaxPhotos);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purchase = await db.PurchaseRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == purchaseId && p.UserId == userId && p.Source == PurchaseSource.Order, cancellationToken)
            ?? throw new DomainException(ReviewErrors.NotPurchased);
        if (await db.Reviews.AnyAsync(r => r.PurchaseId == purchaseId, cancellationToken)) throw new DomainException(ReviewErrors.AlreadyReviewed);
        // Check the text before spending time on photos.
        Review.Write(purchase, userId, stars, body, [], clock.GetUtcNow());
        var saved = new List<ReviewImage>(photos.Count);
        foreach (var photo in photos)
        {
            var image = await images.SaveAsync(photo, cancellationToken);
            saved.Add(new ReviewImage { StorageKey = image.Key, Width = image.Width, Height = image.Height });
        }
        var review = Review.Write(purchase, userId, stars, body, saved, clock.GetUtcNow());
        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainException(ReviewErrors.AlreadyReviewed);
        }
        return review.Id;
    }

    public async Task EditAsync(string userId, long reviewId, int stars, string body, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new DomainException(ReviewErrors.NotFound);
        review.Edit(userId, stars, body, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks a review helpful: once per person, never one's own. Returns false when already voted.</summary>
    public async Task<bool> VoteHelpfulAsync(string userId, long reviewId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var authorId = await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.AuthorId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(ReviewErrors.NotFound);
        if (authorId == userId) throw new DomainException(ReviewErrors.OwnReview);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ReviewVotes.Add(new ReviewVote { ReviewId = reviewId, UserId = userId, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HelpfulCount, r => r.HelpfulCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The merchant's one reply (admins speak for the shop).</summary>
    public async Task ReplyAsync(ClaimsPrincipal actor, long reviewId, string text, CancellationToken cancellationToken)
    {
        if (actor.Identity?.IsAuthenticated != true || !actor.IsInRole(Roles.Admin)) throw new DomainException(CatalogAdminService.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new DomainException(ReviewErrors.NotFound);
        review.Reply(text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ReviewSummary> SummaryAsync(long productId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Reviews.AsNoTracking().Where(r => r.ProductId == productId)
            .GroupBy(r => r.Stars).Select(g => new { Stars = g.Key, Count = g.Count(), Photos = g.Count(r => r.HasPhotos) })
            .ToListAsync(cancellationToken);
        var count = rows.Sum(r => r.Count);
        if (count == 0) return ReviewSummary.Empty;
        var byStars = Enumerable.Range(1, 5).Select(s => rows.FirstOrDefault(r => r.Stars == s)?.Count ?? 0).ToList();
        var average = Math.Round((decimal)rows.Sum(r => r.Stars * r.Count) / count, 1);
        return new ReviewSummary(count, average, byStars, rows.Sum(r => r.Photos));
    }

    /// <summary>Reviews with photos first, then the most helpful, then the newest; filter by stars or photos.</summary>
    public async Task<IReadOnlyList<ReviewView>> ListAsync(long productId, int? stars, bool withPhotos, string? viewerId, int skip, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Reviews.AsNoTracking().Where(r => r.ProductId == productId);
        if (stars is >= 1 and <= 5) query = query.Where(r => r.Stars == stars);
        if (withPhotos) query = query.Where(r => r.HasPhotos);
        var rows = await query
            .OrderByDescending(r => r.HasPhotos).ThenByDescending(r => r.HelpfulCount).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, skip)).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.AuthorId, Author = db.Users.Where(u => u.Id == r.AuthorId).Select(u => new { u.DisplayName, u.Handle, u.AvatarKey }).First(),
                r.Stars, r.Body, SkuKey = db.Skus.Where(s => s.Id == r.SkuId).Select(s => s.Key).First(),
                r.HelpfulCount, Voted = viewerId != null && db.ReviewVotes.Any(v => v.ReviewId == r.Id && v.UserId == viewerId),
                r.MerchantReply, r.CreatedAt, r.EditedAt,
                Photos = r.Images.OrderBy(i => i.Position).Select(i => new ReviewPhoto(i.StorageKey, i.Width, i.Height)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReviewView(r.Id, r.Author.DisplayName, r.Author.Handle, r.Author.AvatarKey, r.Stars, r.Body, r.SkuKey,
            r.HelpfulCount, r.Voted, r.AuthorId == viewerId, r.MerchantReply, r.CreatedAt, r.EditedAt, r.Photos)).ToList();
    }
}
