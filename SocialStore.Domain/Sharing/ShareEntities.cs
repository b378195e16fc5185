namespace SocialStore.Domain.Sharing;

public enum ShareTargetType
{
    Note,
    Product,
    Profile,
    GroupBuy,
}

/// <summary>A short link /s/{code} that one user made for one target; reused when they share it again.</summary>
public class ShareLink
{
    public const int CodeLength = 10;

    public long Id { get; set; }

    /// <summary>Random, URL-safe, unguessable (not sequential).</summary>
    public string Code { get; set; } = "";

    public string SharerId { get; set; } = "";

    public ShareTargetType TargetType { get; set; }

    /// <summary>The note or product id, or the profile's user id.</summary>
    public string TargetId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One visit through a share link; later issues credit signups and purchases to it.</summary>
public class ShareVisit
{
    public long Id { get; set; }

    public long ShareLinkId { get; set; }

    public DateTimeOffset VisitedAt { get; set; }

    public string? Referrer { get; set; }

    /// <summary>The signed-in visitor, if any.</summary>
    public string? VisitorId { get; set; }

    /// <summary>Random token carried to the landing page (cookie) for attribution.</summary>
    public string AttributionToken { get; set; } = "";
}
