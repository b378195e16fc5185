namespace SocialStore.Domain.Sharing;

public enum ShareTargetType
{
    Note,
    Product,
    Profile,
    GroupBuy,

    /// <summary>A bargain's page /bargains/{id}: its owner asks friends to cut (ADR-057).</summary>
    Bargain,
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

/// <summary>
/// The one counted visit of a client on a link in a counting window: its primary key (link, client key, window)
/// lets the database refuse a second count from the same client, however many requests race (ADR-040).
/// The client key is an HMAC under a per-process secret, so it identifies no one and cannot be reversed.
/// </summary>
public class ShareVisitCount
{
    public const int ClientKeyLength = 44;

    public long ShareLinkId { get; set; }

    public string ClientKey { get; set; } = "";

    /// <summary>Which <see cref="ShareService.CountWindow"/>-long window since the epoch the visit fell in.</summary>
    public long Window { get; set; }
}
