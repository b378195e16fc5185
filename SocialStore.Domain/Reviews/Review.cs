using SocialStore.Domain.Common;

namespace SocialStore.Domain.Reviews;

/// <summary>
/// Proof that a person bought one SKU: one delivered order line, written when the order is delivered
/// (<see cref="PurchaseSource.Order"/>, ADR-020). <see cref="PurchaseSource.AdminGrant"/> rows come from the
/// catalog's stand-in before orders existed; they are kept as data but no longer make anyone eligible to review.
/// </summary>
public class PurchaseRecord
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public PurchaseSource Source { get; set; }

    public string? GrantedById { get; set; }

    public DateTimeOffset PurchasedAt { get; set; }
}

public enum PurchaseSource
{
    AdminGrant,
    Order,
}

public class Review
{
    public const int BodyMaxLength = 1000;
    public const int ReplyMaxLength = 500;
    public const int MaxPhotos = 6;

    public long Id { get; private set; }

    public long ProductId { get; private set; }

    public long SkuId { get; private set; }

    /// <summary>The purchased line this review is about; unique, so a line is reviewed once.</summary>
    public long PurchaseId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public int Stars { get; private set; }

    public string Body { get; private set; } = "";

    public bool HasPhotos { get; private set; }

    public int HelpfulCount { get; private set; }

    public string? MerchantReply { get; private set; }

    public DateTimeOffset? MerchantReplyAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>Hidden by a moderator (or the report score): left out of the product's reviews and summary.</summary>
    public bool IsHidden { get; private set; }

    public List<ReviewImage> Images { get; } = [];

    public List<ReviewRevision> Revisions { get; } = [];

    /// <summary>A review of a purchase made by <paramref name="authorId"/>; the caller has checked that it is theirs and not yet reviewed.</summary>
    public static Review Write(PurchaseRecord purchase, string authorId, int stars, string body, IReadOnlyList<ReviewImage> photos, DateTimeOffset now)
    {
        if (purchase.UserId != authorId) throw new DomainException(ReviewErrors.NotPurchased);
        var review = new Review { ProductId = purchase.ProductId, SkuId = purchase.SkuId, PurchaseId = purchase.Id, AuthorId = authorId, CreatedAt = now };
        review.SetContent(stars, body);
        if (photos.Count > MaxPhotos) throw new DomainException(ReviewErrors.TooManyPhotos, MaxPhotos);
        for (var i = 0; i < photos.Count; i++)
        {
            photos[i].Position = i;
            review.Images.Add(photos[i]);
        }
        review.HasPhotos = photos.Count > 0;
        return review;
    }

    /// <summary>Changes the stars and text; the previous version is kept as a revision.</summary>
    public void Edit(string editorId, int stars, string body, DateTimeOffset now)
    {
        if (editorId != AuthorId) throw new DomainException(ReviewErrors.NotYours);
        var (oldStars, oldBody) = (Stars, Body);
        SetContent(stars, body);
        if (oldStars == Stars && oldBody == Body) return;
        Revisions.Add(new ReviewRevision { Stars = oldStars, Body = oldBody, ReplacedAt = now });
        EditedAt = now;
    }

    public void Reply(string text, DateTimeOffset now)
    {
        if (MerchantReply is not null) throw new DomainException(ReviewErrors.AlreadyReplied);
        var reply = UserText.Paragraphs(text);
        if (reply.Length == 0 || reply.Length > ReplyMaxLength) throw new DomainException(ReviewErrors.ReplyInvalid, ReplyMaxLength);
        (MerchantReply, MerchantReplyAt) = (reply, now);
    }

    private void SetContent(int stars, string body)
    {
        if (stars is < 1 or > 5) throw new DomainException(ReviewErrors.StarsInvalid);
        var text = UserText.Paragraphs(body);
        if (text.Length == 0 || text.Length > BodyMaxLength) throw new DomainException(ReviewErrors.BodyInvalid, BodyMaxLength);
        (Stars, Body) = (stars, text);
    }
}

public class ReviewImage
{
    public long Id { get; set; }

    public long ReviewId { get; set; }

    public int Position { get; set; }

    public string StorageKey { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }
}

/// <summary>A previous version of an edited review.</summary>
public class ReviewRevision
{
    public long Id { get; set; }

    public long ReviewId { get; set; }

    public int Stars { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset ReplacedAt { get; set; }
}

/// <summary>One "helpful" per person and review.</summary>
public class ReviewVote
{
    public long ReviewId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public static class ReviewErrors
{
    public const string NotPurchased = "Review.NotPurchased";
    public const string AlreadyReviewed = "Review.AlreadyReviewed";
    public const string TooManyPhotos = "Review.TooManyPhotos";
    public const string StarsInvalid = "Review.StarsInvalid";
    public const string BodyInvalid = "Review.BodyInvalid";
    public const string NotYours = "Review.NotYours";
    public const string OwnReview = "Review.OwnReview";
    public const string AlreadyReplied = "Review.AlreadyReplied";
    public const string ReplyInvalid = "Review.ReplyInvalid";
    public const string NotFound = "Review.NotFound";
    public const string UserNotFound = "Review.UserNotFound";
}
