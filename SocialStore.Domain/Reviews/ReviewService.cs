using System.Globalization;
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

    /// <summary>From the number of reviews with 1 … 5 stars.</summary>
    public static ReviewSummary From(IReadOnlyList<int> countByStars, int withPhotos)
    {
        var count = countByStars.Sum();
        if (count == 0) return Empty;
        var average = Math.Round((decimal)countByStars.Select((n, i) => n * (i + 1)).Sum() / count, 1);
        return new ReviewSummary(count, average, countByStars, withPhotos);
    }
}

/// <summary>A page of reviews with the product's summary; <see cref="NextCursor"/> continues the list.</summary>
public sealed record ReviewPage(ReviewSummary Summary, IReadOnlyList<ReviewView> Reviews, string? NextCursor);

/// <summary>A position in the review order (photos first, most helpful, newest): the last review's keys.</summary>
public readonly record struct ReviewCursor(bool HasPhotos, int HelpfulCount, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(HasPhotos ? 1 : 0)}.{HelpfulCount}.{Id}");

    public static ReviewCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 40) return null;
        var parts = value.Split('.');
        if (parts.Length != 3
            || parts[0] is not ("0" or "1")
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var helpful)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        return new ReviewCursor(parts[0] == "1", helpful, id);
    }
}

public sealed record ReviewPhoto(string Key, int Width, int Height);

public sealed record ReviewView(
    long Id, string AuthorName, string AuthorHandle, string? AuthorAvatarKey, int Stars, string Body, string SkuKey,
    int HelpfulCount, bool VotedByViewer, bool IsViewers, string? MerchantReply, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    IReadOnlyList<ReviewPhoto> Photos);

/// <summary>What the edit form shows: the current stars and text, and how often it was edited before.</summary>
public sealed record ReviewForEdit(long Id, long ProductId, string ProductTitle, string SkuKey, int Stars, string Body, int RevisionCount, DateTimeOffset? EditedAt);

public sealed record ReviewablePurchase(long PurchaseId, string SkuKey, DateTimeOffset PurchasedAt);

/// <summary>
/// Verified reviews. Only a buyer reviews, once per purchased line; the rules are here and in
/// <see cref="Review"/>, and a unique index on the purchase makes a double submit harmless.
/// Nothing here ever creates a review on anyone's behalf: no default or automatic reviews.
/// </summary>
public sealed class ReviewService(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, TimeProvider clock, Limits.ActionLimiter limiter, SocialStore.Domain.Moderation.Screening.ContentScreen screen)
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

    /// <summary>
    /// Writes a review: the photos are stored first, then the review, its points, growth and screening record go in
    /// one transaction (issue 13 §3) — all or nothing; when it fails the stored photos are deleted after the rollback.
    /// </summary>
    public async Task<long> WriteAsync(string userId, long purchaseId, int stars, string body, IReadOnlyList<Stream> photos, CancellationToken cancellationToken)
    {
        if (photos.Count > Review.MaxPhotos) throw new DomainException(ReviewErrors.TooManyPhotos, Review.MaxPhotos);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), cancellationToken);
            var purchase = await db.PurchaseRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == purchaseId && p.UserId == userId && p.Source == PurchaseSource.Order, cancellationToken)
                ?? throw new DomainException(ReviewErrors.NotPurchased);
            if (await db.Reviews.AnyAsync(r => r.PurchaseId == purchaseId, cancellationToken)) throw new DomainException(ReviewErrors.AlreadyReviewed);
            // Check the text before spending time on photos.
            Review.Write(purchase, userId, stars, body, [], clock.GetUtcNow());
        }
        var saved = new List<ReviewImage>(photos.Count);
        try
        {
            foreach (var photo in photos)
            {
                var image = await images.SaveAsync(photo, cancellationToken);
                saved.Add(new ReviewImage { StorageKey = image.Key, Width = image.Width, Height = image.Height });
            }
            return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                await limiter.TakeAsync(db, userId, Limits.LimitedAction.Review, ct);
                var now = clock.GetUtcNow();
                var purchase = await db.PurchaseRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == purchaseId && p.UserId == userId && p.Source == PurchaseSource.Order, ct)
                    ?? throw new DomainException(ReviewErrors.NotPurchased);
                var verdict = await screen.CheckAsync(db, userId, new(), [body], now, ct);
                var review = Review.Write(purchase, userId, stars, verdict.Texts[0], saved.Select(i => new ReviewImage { StorageKey = i.StorageKey, Width = i.Width, Height = i.Height }).ToList(), now);
                if (!await UniqueInsert.TryInsertAsync(db, review, ct)) throw new DomainException(ReviewErrors.AlreadyReviewed);
                await Points.PointsRewards.OnReviewWrittenAsync(db, userId, review.Id, review.HasPhotos, now, ct);
                await Levels.GrowthLedger.OnReviewWrittenAsync(db, userId, review.Id, review.HasPhotos, now, ct);
                await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Review, review.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, now, ct);
                return review.Id;
            }, cancellationToken);
        }
        catch
        {
            // Rolled back (or never begun): the photos belong to nothing.
            foreach (var image in saved) await images.DeleteAsync(image.StorageKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The author's own review of the product, for the edit form; someone else's is refused.</summary>
    public async Task<ReviewForEdit> GetForEditAsync(string userId, long productId, long reviewId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId && r.ProductId == productId)
            .Select(r => new
            {
                r.AuthorId,
                r.Stars,
                r.Body,
                r.EditedAt,
                Revisions = r.Revisions.Count,
                ProductTitle = db.Products.Where(p => p.Id == r.ProductId).Select(p => p.Title).First(),
                SkuKey = db.Skus.Where(s => s.Id == r.SkuId).Select(s => s.Key).First(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new DomainException(ReviewErrors.NotFound);
        if (review.AuthorId != userId) throw new DomainException(ReviewErrors.NotYours);
        return new ReviewForEdit(reviewId, productId, review.ProductTitle, review.SkuKey, review.Stars, review.Body, review.Revisions, review.EditedAt);
    }

    public async Task EditAsync(string userId, long reviewId, int stars, string body, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new DomainException(ReviewErrors.NotFound);
        var verdict = await screen.CheckAsync(db, userId, new(), [body ?? ""], clock.GetUtcNow(), cancellationToken);
        review.Edit(userId, stars, verdict.Texts[0], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Review, reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Marks a review helpful: once per person, never one's own. Returns false when already voted.</summary>
    public async Task<bool> VoteHelpfulAsync(string userId, long reviewId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), cancellationToken);
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
        Roles.RequireAdmin(actor, CatalogErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new DomainException(ReviewErrors.NotFound);
        review.Reply(text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ReviewSummary> SummaryAsync(long productId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Reviews.AsNoTracking().Where(r => r.ProductId == productId && !r.IsHidden)
            .GroupBy(r => r.Stars).Select(g => new { Stars = g.Key, Count = g.Count(), Photos = g.Count(r => r.HasPhotos) })
            .ToListAsync(cancellationToken);
        var byStars = Enumerable.Range(1, 5).Select(s => rows.FirstOrDefault(r => r.Stars == s)?.Count ?? 0).ToList();
        return ReviewSummary.From(byStars, rows.Sum(r => r.Photos));
    }

    /// <summary>The first page of reviews (see <see cref="PageAsync"/>).</summary>
    public async Task<IReadOnlyList<ReviewView>> ListAsync(long productId, int? stars, bool withPhotos, string? viewerId, CancellationToken cancellationToken) =>
        (await PageAsync(productId, stars, withPhotos, viewerId, null, cancellationToken)).Reviews;

    /// <summary>
    /// The product's review summary (over all its reviews) and a page of reviews — with photos first, then the
    /// most helpful, then the newest; filtered by stars or photos; continuing after <paramref name="after"/> —
    /// in one round trip, whatever the page holds.
    /// </summary>
    public async Task<ReviewPage> PageAsync(long productId, int? stars, bool withPhotos, string? viewerId, string? after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Reviews.Where(r => r.ProductId == productId && !r.IsHidden);
        if (stars is >= 1 and <= 5) query = query.Where(r => r.Stars == stars);
        if (withPhotos) query = query.Where(r => r.HasPhotos);
        if (ReviewCursor.Parse(after) is { } c)
        {
            query = c.HasPhotos
                ? query.Where(r => !r.HasPhotos || r.HelpfulCount < c.HelpfulCount || (r.HelpfulCount == c.HelpfulCount && r.Id < c.Id))
                : query.Where(r => !r.HasPhotos && (r.HelpfulCount < c.HelpfulCount || (r.HelpfulCount == c.HelpfulCount && r.Id < c.Id)));
        }
        var all = db.Reviews.Where(r => r.ProductId == productId && !r.IsHidden);
        // The summary rides along on every row (the database computes it once); only a page that comes back
        // empty while the product has reviews (a filter or a cursor past the end) needs a second query for it.
        var rows = await (from r in query.AsNoTracking()
                          join u in db.Users on r.AuthorId equals u.Id
                          join k in db.Skus on r.SkuId equals k.Id
                          orderby r.HasPhotos descending, r.HelpfulCount descending, r.Id descending
                          select new
                          {
                              r.Id,
                              r.AuthorId,
                              r.HasPhotos,
                              Author = new { u.DisplayName, u.Handle, u.AvatarKey },
                              r.Stars,
                              r.Body,
                              SkuKey = k.Key,
                              r.HelpfulCount,
                              Voted = viewerId != null && db.ReviewVotes.Any(v => v.ReviewId == r.Id && v.UserId == viewerId),
                              r.MerchantReply,
                              r.CreatedAt,
                              r.EditedAt,
                              Photos = r.Images.OrderBy(i => i.Position).Select(i => new ReviewPhoto(i.StorageKey, i.Width, i.Height)).ToList(),
                              One = all.Count(x => x.Stars == 1),
                              Two = all.Count(x => x.Stars == 2),
                              Three = all.Count(x => x.Stars == 3),
                              Four = all.Count(x => x.Stars == 4),
                              Five = all.Count(x => x.Stars == 5),
                              WithPhotos = all.Count(x => x.HasPhotos),
                          })
            .Take(PageSize + 1)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            var summary = stars is null && !withPhotos && after is null ? ReviewSummary.Empty : await SummaryAsync(productId, cancellationToken);
            return new ReviewPage(summary, [], null);
        }
        var hasMore = rows.Count > PageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var next = hasMore ? new ReviewCursor(rows[^1].HasPhotos, rows[^1].HelpfulCount, rows[^1].Id).ToString() : null;
        var reviews = rows.Select(r => new ReviewView(r.Id, r.Author.DisplayName, r.Author.Handle, r.Author.AvatarKey, r.Stars, r.Body, r.SkuKey,
            r.HelpfulCount, r.Voted, r.AuthorId == viewerId, r.MerchantReply, r.CreatedAt, r.EditedAt, r.Photos)).ToList();
        var row = rows[0];
        return new ReviewPage(ReviewSummary.From([row.One, row.Two, row.Three, row.Four, row.Five], row.WithPhotos), reviews, next);
    }
}
