using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Sharing;

/// <summary>A share link and where it points now.</summary>
public sealed record ShareTarget(string Code, string SharerId, ShareTargetType TargetType, string TargetId, string CanonicalPath);

/// <summary>The outcome of following a share link: where to go and the attribution token to carry there.</summary>
/// <param name="Counted">Whether the visit was added to the note's share count (see <see cref="ShareService.CountWindow"/>).</param>
public sealed record ShareVisitResult(string CanonicalPath, string AttributionToken, bool Counted);

/// <summary>
/// Short share links <c>/s/{code}</c> (ADR-012): one per sharer and target, with a random code,
/// and a recorded visit with a fresh attribution token each time one is followed.
/// </summary>
public sealed class ShareService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, Recommendations.BehaviourEventSink events)
{
    /// <summary>Base62: URL-safe without escaping, and every character is a letter or a digit.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The longest code the column holds; longer input is rejected before any query.</summary>
    public const int MaxCodeLength = 32;

    /// <summary>32 base62 characters ≈ 190 random bits (the column holds 64).</summary>
    public const int AttributionTokenLength = 32;

    public const int ReferrerMaxLength = 500;

    /// <summary>A visitor adds to a note's share count at most once per link in this window.</summary>
    public static readonly TimeSpan CountWindow = TimeSpan.FromHours(24);

    // Per process: a client key can be compared within the process's life but never reversed to an address or
    // a user (after a restart a client may count once more in the current window; ADR-040).
    private static readonly byte[] ClientKeySecret = RandomNumberGenerator.GetBytes(32);

    private static string ClientKey(string client) =>
        Convert.ToBase64String(HMACSHA256.HashData(ClientKeySecret, System.Text.Encoding.UTF8.GetBytes(client)));

    private const int MaxInsertAttempts = 4;

    /// <summary>
    /// A new code: <see cref="ShareLink.CodeLength"/> characters drawn uniformly from <see cref="Alphabet"/>
    /// by the OS's cryptographic generator (10 × log2 62 ≈ 59.5 bits), so codes neither follow one another
    /// nor can be enumerated.
    /// </summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, ShareLink.CodeLength);

    public static string NewAttributionToken() => RandomNumberGenerator.GetString(Alphabet, AttributionTokenLength);

    /// <summary>Checked before any query: anything that is not 10–32 base62 characters is not a code.</summary>
    public static bool IsWellFormedCode(string? code) =>
        code is { Length: >= ShareLink.CodeLength and <= MaxCodeLength } && code.All(IsBase62);

    public static bool IsWellFormedAttributionToken(string? token) =>
        token is { Length: AttributionTokenLength } && token.All(IsBase62);

    public static string ShortPath(string code) => "/s/" + code;

    /// <summary>
    /// The sharer's link to a public target: the existing one, or a new one. Two concurrent calls for the
    /// same sharer and target return the same link: the unique index on (sharer, type, target) lets one
    /// insert win, and the loser reads the winner's row.
    /// </summary>
    /// <exception cref="DomainException">Share.TargetNotFound: no such published note, on-sale product or user. Share.SharerNotFound.</exception>
    public async Task<ShareTarget> GetOrCreateLinkAsync(string sharerId, ShareTargetType targetType, string targetId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sharerId);
        if (!Enum.IsDefined(targetType) || NormalizeTargetId(targetType, targetId) is not { } normalizedId)
            throw new DomainException(ShareErrors.TargetNotFound);
        targetId = normalizedId;

        string canonicalPath;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, sharerId, clock.GetUtcNow(), cancellationToken);
            canonicalPath = (await ResolveTargetAsync(db, targetType, targetId, cancellationToken))?.Path
                ?? throw new DomainException(ShareErrors.TargetNotFound);
            var existing = await FindCodeAsync(db, sharerId, targetType, targetId, cancellationToken);
            RecordShare(sharerId, targetType, targetId);
            if (existing is not null) return new ShareTarget(existing, sharerId, targetType, targetId, canonicalPath);
            if (!await db.Users.AnyAsync(u => u.Id == sharerId, cancellationToken))
                throw new DomainException(ShareErrors.SharerNotFound);
        }

        for (var attempt = 1; ; attempt++)
        {
            var link = new ShareLink
            {
                Code = NewCode(),
                SharerId = sharerId,
                TargetType = targetType,
                TargetId = targetId,
                CreatedAt = clock.GetUtcNow(),
            };
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                db.ShareLinks.Add(link);
                await db.SaveChangesAsync(cancellationToken);
                return new ShareTarget(link.Code, sharerId, targetType, targetId, canonicalPath);
            }
            catch (DbUpdateException) when (attempt < MaxInsertAttempts)
            {
                // Either a concurrent call created this sharer's link first (read it), or the random code
                // collided with another link's (try a new one). A fresh context: the failed one is dirty.
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var winner = await FindCodeAsync(db, sharerId, targetType, targetId, cancellationToken);
                if (winner is not null) return new ShareTarget(winner, sharerId, targetType, targetId, canonicalPath);
            }
        }
    }

    /// <summary>A share of a note or product is a behaviour event (ADR-053); profiles, group buys and bargains are not items of the ranking.</summary>
    private void RecordShare(string sharerId, ShareTargetType targetType, string targetId)
    {
        if (!long.TryParse(targetId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return;
        var client = Recommendations.BehaviourEventSink.ClientKeyFor(sharerId, null);
        if (targetType == ShareTargetType.Note) events.Record(Recommendations.BehaviourKind.Share, sharerId, client, noteId: id);
        else if (targetType == ShareTargetType.Product) events.Record(Recommendations.BehaviourKind.Share, sharerId, client, productId: id);
    }

    /// <summary>The link with this code if it exists and its target is still public; records nothing.</summary>
    public async Task<ShareTarget?> FindAsync(string? code, CancellationToken cancellationToken)
    {
        if (!IsWellFormedCode(code)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (link is null) return null;
        var target = await ResolveTargetAsync(db, link.TargetType, link.TargetId, cancellationToken);
        return target is null ? null : new ShareTarget(link.Code, link.SharerId, link.TargetType, link.TargetId, target.Value.Path);
    }

    /// <summary>
    /// Follows a share link: records a visit (time, referrer, signed-in visitor, a fresh attribution token)
    /// and returns the target's canonical path. Null for a malformed, unknown or forged code, or a target that
    /// is no longer public; nothing is written then.
    /// </summary>
    /// <remarks>
    /// A note's <see cref="Note.ShareCount"/> (and its hot score) goes up by one for a visit unless the
    /// visitor is the sharer, or the same visitor — the same signed-in user, the browser presenting the
    /// token of an earlier visit, or (for anyone not signed in, cookies or not) the same client address —
    /// already counted on this link in this <see cref="CountWindow"/>. The last rule is a row whose primary key
    /// the database guards (<see cref="ShareVisitCount"/>), so concurrent requests cannot count twice. Every
    /// visit is still recorded, so the count stays a count of real <see cref="ShareVisit"/> rows.
    /// </remarks>
    /// <param name="previousAttributionToken">The token the browser already carries (cookie), if any.</param>
    /// <param name="clientAddress">The client's network address, for visitors who are not signed in.</param>
    public async Task<ShareVisitResult?> RecordVisitAsync(
        string? code, string? referrer, string? visitorId, string? previousAttributionToken = null, CancellationToken cancellationToken = default,
        string? clientAddress = null)
    {
        if (!IsWellFormedCode(code)) return null;
        visitorId = string.IsNullOrEmpty(visitorId) ? null : visitorId;
        var previous = IsWellFormedAttributionToken(previousAttributionToken) ? previousAttributionToken : null;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking()
            .Where(l => l.Code == code)
            .Select(l => new { l.Id, l.SharerId, l.TargetType, l.TargetId })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null) return null;
        var target = await ResolveTargetAsync(db, link.TargetType, link.TargetId, cancellationToken);
        if (target is null) return null;

        var now = clock.GetUtcNow();
        var countable = target.Value.NoteId is not null && visitorId != link.SharerId;
        if (countable && (visitorId is not null || previous is not null))
        {
            var since = now - CountWindow;
            countable = !await db.ShareVisits.AnyAsync(v =>
                v.ShareLinkId == link.Id && v.VisitedAt > since
                && ((visitorId != null && v.VisitorId == visitorId) || (previous != null && v.AttributionToken == previous)),
                cancellationToken);
        }

        var visit = new ShareVisit
        {
            ShareLinkId = link.Id,
            VisitedAt = now,
            Referrer = NormalizeReferrer(referrer),
            VisitorId = visitorId,
            AttributionToken = NewAttributionToken(),
        };
        var counted = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ShareVisits.Add(visit);
            await db.SaveChangesAsync(cancellationToken);
            countable = countable && await UniqueInsert.TryInsertAsync(db, new ShareVisitCount
            {
                ShareLinkId = link.Id,
                ClientKey = ClientKey(visitorId is not null ? "user:" + visitorId : "address:" + (clientAddress ?? previous ?? visit.AttributionToken)),
                Window = now.UtcTicks / CountWindow.Ticks,
            }, cancellationToken);
            if (countable)
                counted = await IncrementShareCountAsync(db, target.Value.NoteId!.Value, cancellationToken) == 1;
            await transaction.CommitAsync(cancellationToken);
        }
        return new ShareVisitResult(target.Value.Path, visit.AttributionToken, counted);
    }

    /// <summary>
    /// Keeps what identifies the referring page (scheme, host, path) and drops the query, fragment and
    /// user info, which can carry personal data; at most <see cref="ReferrerMaxLength"/> characters.
    /// Anything that is not an absolute URI is dropped.
    /// </summary>
    public static string? NormalizeReferrer(string? referrer)
    {
        if (string.IsNullOrWhiteSpace(referrer) || referrer.Length > 8 * 1024
            || !Uri.TryCreate(referrer.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return null;
        var kept = uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped);
        if (kept.Length <= ReferrerMaxLength) return kept;
        var cut = kept[..ReferrerMaxLength];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut;
    }

    /// <summary>
    /// The counter moves in one conditional UPDATE (concurrent visits never lose an increment), then the hot
    /// score is recomputed in the one place that knows the moderators' engagement discount (ADR-047), inside
    /// this transaction, which holds the note's row lock until commit.
    /// </summary>
    private static async Task<int> IncrementShareCountAsync(SocialStoreDbContext db, long noteId, CancellationToken cancellationToken)
    {
        var changed = await Social.NoteCounters.AddSharesAsync(db, noteId, cancellationToken);
        if (changed == 1) await Social.NoteCounters.RefreshHotScoreAsync(db, noteId, cancellationToken);
        return changed;
    }

    private static Task<string?> FindCodeAsync(SocialStoreDbContext db, string sharerId, ShareTargetType type, string targetId, CancellationToken cancellationToken) =>
        db.ShareLinks.AsNoTracking()
            .Where(l => l.SharerId == sharerId && l.TargetType == type && l.TargetId == targetId)
            .Select(l => l.Code)
            .FirstOrDefaultAsync(cancellationToken);

    private readonly record struct ResolvedTarget(string Path, long? NoteId, DateTimeOffset NoteCreatedAt);

    /// <summary>The canonical path of a target that anyone may see now, or null.</summary>
    private static async Task<ResolvedTarget?> ResolveTargetAsync(SocialStoreDbContext db, ShareTargetType type, string targetId, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case ShareTargetType.Note when TryParseId(targetId, out var noteId):
                var published = await db.Notes.AsNoTracking()
                    .Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
                    .Select(n => new { n.CreatedAt })
                    .FirstOrDefaultAsync(cancellationToken);
                return published is null ? null : new ResolvedTarget(Invariant($"/notes/{noteId}"), noteId, published.CreatedAt);
            case ShareTargetType.Product when TryParseId(targetId, out var productId):
                return await db.Products.AnyAsync(p => p.Id == productId && p.Status == ProductStatus.OnSale, cancellationToken)
                    ? new ResolvedTarget(Invariant($"/products/{productId}"), null, default)
                    : null;
            case ShareTargetType.GroupBuy when TryParseId(targetId, out var groupId):
                return await db.GroupBuyGroups.AnyAsync(g => g.Id == groupId
                        && g.Status != GroupBuys.GroupBuyStatus.Pending && g.Status != GroupBuys.GroupBuyStatus.Abandoned, cancellationToken)
                    ? new ResolvedTarget(Invariant($"/group-buys/{groupId}"), null, default)
                    : null;
            case ShareTargetType.Bargain when TryParseId(targetId, out var bargainId):
                // Every bargain has a page (an expired or bought one says so), so every existing bargain resolves.
                return await db.Bargains.AnyAsync(b => b.Id == bargainId, cancellationToken)
                    ? new ResolvedTarget(Invariant($"/bargains/{bargainId}"), null, default)
                    : null;
            case ShareTargetType.Profile:
                var handle = await db.Users.Where(u => u.Id == targetId).Select(u => u.Handle).FirstOrDefaultAsync(cancellationToken);
                return string.IsNullOrEmpty(handle) ? null : new ResolvedTarget("/u/" + handle, null, default);
            default:
                return null;
        }
    }

    /// <summary>Note and product ids as plain positive integers ("007" becomes "7"; signs and spaces are refused); profile ids as given.</summary>
    private static string? NormalizeTargetId(ShareTargetType type, string? targetId)
    {
        if (string.IsNullOrEmpty(targetId) || targetId.Length > 450) return null;
        if (type == ShareTargetType.Profile) return targetId;
        return TryParseId(targetId, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static bool TryParseId(string value, out long id) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static bool IsBase62(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z';

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
