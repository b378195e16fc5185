using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Sharing;

namespace SocialStore.Domain.Referrals;

/// <summary>What a touch was made through; <see cref="AttributionService.RecordAsync"/> resolves the earner itself.</summary>
public sealed record TouchInput(string? UserId, string? BrowserToken, string? ClientAddress, long NoteId, long ProductId, string? ShareCode);

/// <summary>The result of recording a touch: the browser token to keep (a new one when the browser had none), and whether a row was written.</summary>
public sealed record TouchResult(string? BrowserToken, bool Recorded);

/// <summary>
/// Attribution from a note or a share link to an order line (ADR-042 §1): touches are recorded with one row per
/// subject, earner, target and day (the unique index decides, so a flood of requests adds nothing), carried over to
/// the account on sign-in, and read once when an order is written (<see cref="AttributeOrderAsync"/>).
/// </summary>
public sealed class AttributionService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A repeat touch refreshes the row's time at most this often (fewer writes from a page being reloaded).</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    // Per process, like ADR-040: an address is compared within the process's life but never stored in the clear.
    private static readonly byte[] AddressSecret = RandomNumberGenerator.GetBytes(32);

    public static string NewBrowserToken() => ShareService.NewAttributionToken();

    public static bool IsWellFormedToken(string? token) => ShareService.IsWellFormedAttributionToken(token);

    /// <summary>
    /// Records a touch of a published note (earner: its author) or a share link (earner: the sharer; target: the link's
    /// note or product). Nothing is written for a touch of one's own note or link, an unknown target, or a repeat
    /// within <see cref="RefreshEvery"/>. Signed-in shoppers are keyed by user; others by their browser token, or —
    /// without one — by a keyed hash of their address (so cookie-less repeats collapse into one row a day).
    /// </summary>
    public async Task<TouchResult> RecordAsync(TouchInput input, CancellationToken cancellationToken)
    {
        var userId = string.IsNullOrEmpty(input.UserId) ? null : input.UserId;
        var token = IsWellFormedToken(input.BrowserToken) ? input.BrowserToken : null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        string earnerId;
        long noteId = 0, productId = 0;
        long? linkId = null;
        if (input.ShareCode is { } code)
        {
            if (!ShareService.IsWellFormedCode(code)) return new TouchResult(token, false);
            var link = await db.ShareLinks.AsNoTracking().Where(l => l.Code == code)
                .Select(l => new { l.Id, l.SharerId, l.TargetType, l.TargetId }).FirstOrDefaultAsync(cancellationToken);
            if (link is null || !long.TryParse(link.TargetId, out var targetId)) return new TouchResult(token, false);
            (earnerId, linkId) = (link.SharerId, link.Id);
            if (link.TargetType == ShareTargetType.Note) noteId = targetId;
            else if (link.TargetType == ShareTargetType.Product) productId = targetId;
            else return new TouchResult(token, false);
        }
        else
        {
            var author = await db.Notes.AsNoTracking().Where(n => n.Id == input.NoteId && n.Status == NoteStatus.Published)
                .Select(n => n.AuthorId).FirstOrDefaultAsync(cancellationToken);
            if (author is null) return new TouchResult(token, false);
            (earnerId, noteId, productId) = (author, input.NoteId, input.ProductId > 0 ? input.ProductId : 0);
        }
        if (earnerId == userId) return new TouchResult(token, false);

        var now = clock.GetUtcNow();
        var issued = token ?? (userId is null ? NewBrowserToken() : null);
        var subject = userId is not null ? "u:" + userId
            : token is not null ? "b:" + token
            : "a:" + Convert.ToBase64String(HMACSHA256.HashData(AddressSecret, System.Text.Encoding.UTF8.GetBytes(input.ClientAddress ?? issued!)));
        var day = now.UtcTicks / TimeSpan.TicksPerDay;

        var inserted = await UniqueInsert.TryInsertAsync(db, new AttributionTouch
        {
            SubjectKey = subject,
            UserId = userId,
            BrowserToken = userId is null ? issued : null,
            EarnerId = earnerId,
            NoteId = noteId,
            ProductId = productId,
            ShareLinkId = linkId,
            Day = day,
            FirstTouchedAt = now,
            TouchedAt = now,
        }, cancellationToken);
        if (inserted) return new TouchResult(issued, true);

        // The same subject touched the same target today: only the time moves (it is the last touch now).
        var since = now - RefreshEvery;
        var refreshed = await db.AttributionTouches
            .Where(t => t.SubjectKey == subject && t.EarnerId == earnerId && t.NoteId == noteId && t.ProductId == productId && t.Day == day && t.TouchedAt < since)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TouchedAt, now), cancellationToken);
        return new TouchResult(issued, refreshed > 0);
    }

    /// <summary>Gives the browser's touches made before signing in to the account (first sign-in with the cookie wins).</summary>
    public async Task<int> CarryOverAsync(string userId, string? browserToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId) || !IsWellFormedToken(browserToken)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var carried = await db.AttributionTouches
            .Where(t => t.BrowserToken == browserToken && t.UserId == null && t.EarnerId != userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UserId, userId), cancellationToken);
        // A share link that brought this sign-up rewards its sharer (ADR-054; once per new person, never an older account).
        if (carried > 0) await Rewards.RewardGrants.OnSignUpCarriedOverAsync(dbFactory, userId, clock.GetUtcNow(), cancellationToken);
        return carried;
    }

    /// <summary>The settings row, or the defaults when none was saved.</summary>
    public static async Task<ReferralSettings> SettingsAsync(SocialStoreDbContext db, CancellationToken ct) =>
        await db.ReferralSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ReferralSettings.SingletonId, ct) ?? new ReferralSettings { Id = ReferralSettings.SingletonId };

    /// <summary>
    /// Called by <see cref="OrderWriter.AddAsync"/> once the lines have ids: each line gets the buyer's last touch
    /// within the window that points at its product (a share link of the product, or a note tagging it). No touch,
    /// no row — and one query when the buyer has none.
    /// </summary>
    public static async Task AttributeOrderAsync(SocialStoreDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        var touches = await db.AttributionTouches.AsNoTracking()
            .Where(t => t.UserId == order.BuyerId && t.EarnerId != order.BuyerId && t.TouchedAt >= now.AddDays(-90))
            .OrderByDescending(t => t.TouchedAt).ThenByDescending(t => t.Id)
            .Take(200)
            .ToListAsync(ct);
        if (touches.Count == 0) return;
        var settings = await SettingsAsync(db, ct);
        var since = now.AddDays(-settings.AttributionDays);
        touches = touches.Where(t => t.TouchedAt >= since).ToList();
        if (touches.Count == 0) return;

        var noteIds = touches.Where(t => t.NoteId != 0).Select(t => t.NoteId).Distinct().ToList();
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var tags = noteIds.Count == 0 ? [] : await db.NoteProducts.AsNoTracking()
            .Where(p => noteIds.Contains(p.NoteId) && productIds.Contains(p.ProductId))
            .Select(p => new { p.NoteId, p.ProductId }).ToListAsync(ct);

        foreach (var line in order.Lines)
        {
            var touch = touches.FirstOrDefault(t =>
                (t.ProductId == line.ProductId && (t.NoteId == 0 || t.ShareLinkId is null))
                || (t.NoteId != 0 && tags.Any(p => p.NoteId == t.NoteId && p.ProductId == line.ProductId)));
            if (touch is null) continue;
            db.OrderLineAttributions.Add(new OrderLineAttribution
            {
                OrderLineId = line.Id,
                OrderId = order.Id,
                BuyerId = order.BuyerId,
                EarnerId = touch.EarnerId,
                NoteId = touch.NoteId,
                ShareLinkId = touch.ShareLinkId,
                TouchId = touch.Id,
                TouchedAt = touch.TouchedAt,
                CreatedAt = now,
            });
        }
    }
}
