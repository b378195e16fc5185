using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Referrals;

/// <summary>One note's figures over a period, each a count or sum of real rows made in it.</summary>
public sealed record NoteFigures(long NoteId, string Title, int Likes, int Collects, int Comments, int Shares, int ProductClicks, int Orders, decimal Gmv, decimal Commission);

/// <summary>The creator centre: per-note figures, new followers and the totals of a 7/30/90-day period.</summary>
public sealed record CreatorCentre(int Days, IReadOnlyList<NoteFigures> Notes, int NewFollowers, int AttributedOrders, decimal Gmv, decimal Commission);

/// <summary>
/// Read side of <c>/creator</c> (ADR-042 §4). There is no view counter in the product yet, so views are not shown;
/// shares are recorded share-link visits, product clicks are product-tag touches (one per visitor, product and day).
/// </summary>
public sealed class CreatorCentreQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public static readonly int[] Periods = [7, 30, 90];
    public const int MaxNotes = 50;

    public async Task<CreatorCentre> LoadAsync(string userId, int days, CancellationToken ct)
    {
        if (!Periods.Contains(days)) days = 7;
        var since = clock.GetUtcNow().AddDays(-days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notes = await db.Notes.AsNoTracking().Where(n => n.AuthorId == userId && n.Status == NoteStatus.Published)
            .OrderByDescending(n => n.CreatedAt).Take(MaxNotes).Select(n => new { n.Id, n.Title }).ToListAsync(ct);
        var ids = notes.Select(n => n.Id).ToList();
        var noteIdStrings = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var likes = await db.NoteLikes.Where(l => ids.Contains(l.NoteId) && l.CreatedAt >= since).GroupBy(l => l.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var collects = await db.Collects.Where(l => ids.Contains(l.NoteId) && l.CreatedAt >= since).GroupBy(l => l.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var comments = await db.Comments.Where(l => ids.Contains(l.NoteId) && !l.IsDeleted && l.CreatedAt >= since).GroupBy(l => l.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var shares = await db.ShareVisits.Where(v => v.VisitedAt >= since)
            .Join(db.ShareLinks.Where(l => l.TargetType == Sharing.ShareTargetType.Note && noteIdStrings.Contains(l.TargetId)), v => v.ShareLinkId, l => l.Id, (v, l) => l.TargetId)
            .GroupBy(t => t).Select(g => new { g.Key, C = g.Count() }).ToListAsync(ct);
        var clicks = await db.AttributionTouches.Where(t => ids.Contains(t.NoteId) && t.ProductId != 0 && t.FirstTouchedAt >= since).GroupBy(t => t.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var sales = await db.OrderLineAttributions.Where(a => a.EarnerId == userId && a.NoteId != 0)
            .Join(db.Orders.Where(o => o.PaidAt != null && o.PaidAt >= since), a => a.OrderId, o => o.Id, (a, o) => a)
            .Join(db.OrderLines, a => a.OrderLineId, l => l.Id, (a, l) => new { a.NoteId, a.OrderId, l.Payable, l.RefundedAmount })
            .ToListAsync(ct);
        var commission = await db.CommissionEntries.Where(e => e.CreatorId == userId && e.CreatedAt >= since)
            .GroupBy(e => e.NoteId).Select(g => new { g.Key, S = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.S, ct);
        var followers = await db.Follows.CountAsync(f => f.FolloweeId == userId && f.CreatedAt >= since, ct);

        var rows = notes.Select(n => new NoteFigures(
            n.Id, n.Title,
            likes.GetValueOrDefault(n.Id), collects.GetValueOrDefault(n.Id), comments.GetValueOrDefault(n.Id),
            shares.Where(s => s.Key == n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sum(s => s.C),
            clicks.GetValueOrDefault(n.Id),
            sales.Where(s => s.NoteId == n.Id).Select(s => s.OrderId).Distinct().Count(),
            sales.Where(s => s.NoteId == n.Id).Sum(s => s.Payable - s.RefundedAmount),
            commission.GetValueOrDefault(n.Id))).ToList();
        return new CreatorCentre(days, rows, followers, sales.Select(s => s.OrderId).Distinct().Count(),
            sales.Sum(s => s.Payable - s.RefundedAmount), commission.Values.Sum());
    }

    /// <summary>The attributed order lines of a creator's sales, newest first, for the earnings list.</summary>
    public async Task<IReadOnlyList<AttributedSale>> SalesAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrderLineAttributions.AsNoTracking().Where(a => a.EarnerId == userId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.OrderLineId).Take(100)
            .Join(db.OrderLines, a => a.OrderLineId, l => l.Id, (a, l) => new { a, l })
            .Join(db.Orders, x => x.a.OrderId, o => o.Id, (x, o) => new AttributedSale(x.l.Id, o.Status, x.l.ProductTitle, x.a.NoteId, x.l.Payable, x.l.RefundedAmount, x.a.CreatedAt))
            .ToListAsync(ct);
    }
}

public sealed record AttributedSale(long OrderLineId, OrderStatus OrderStatus, string ProductTitle, long NoteId, decimal Payable, decimal Refunded, DateTimeOffset At);

/// <summary>Releases frozen commissions whose window has passed, every few minutes (reads also release on demand).</summary>
public sealed class CommissionReleaseWorker(CommissionLedger ledger, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<CommissionReleaseWorker> logger)
    : Common.PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => ledger.ReleaseDueAsync(cancellationToken);
}
