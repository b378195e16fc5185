using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;

namespace SocialStore.Domain.Referrals;

/// <summary>One note's figures over a period, each a count or sum of real rows made in it (views: recorded view events).</summary>
public sealed record NoteFigures(long NoteId, string Title, int Views, int Likes, int Collects, int Comments, int Shares, int ProductClicks, int Orders, decimal Gmv, decimal Commission);

/// <summary>
/// One shop day (UTC+8) of a creator's period: views, likes, attributed paid orders, their GMV and the commission entries
/// made that day, and <see cref="Followers"/> — the followers at the end of that day who still follow now.
/// </summary>
public sealed record CreatorDay(DateOnly Day, int Views, int Likes, int Orders, decimal Gmv, decimal Commission, int Followers);

/// <summary>
/// The creator centre: per-note figures, new followers, the totals of a 7/30/90-day period and its days.
/// <see cref="ViewDays"/> is how many of the period's days views cover (behaviour events are kept for a limited time).
/// </summary>
public sealed record CreatorCentre(int Days, IReadOnlyList<NoteFigures> Notes, int NewFollowers, int AttributedOrders, decimal Gmv, decimal Commission,
    int Views = 0, int ViewDays = 0, IReadOnlyList<CreatorDay>? Daily = null)
{
    public IReadOnlyList<CreatorDay> Daily { get; init; } = Daily ?? [];
}

/// <summary>
/// Read side of <c>/creator</c> (ADR-042 §4, ADR-066). A period is the last <c>days</c> shop days (UTC+8), today included.
/// Views are the note-view behaviour events the batched writer already records (one per client, note and dwell window,
/// ADR-045), so counting them costs no write; shares are recorded share-link visits, product clicks are product-tag
/// touches (one per visitor, product and day).
/// </summary>
public sealed class CreatorCentreQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<BehaviourEventOptions>? eventOptions = null)
{
    public static readonly int[] Periods = [7, 30, 90];
    public const int MaxNotes = 50;

    /// <summary>How many days of view events exist (the behaviour-event retention).</summary>
    public int ViewRetentionDays => Math.Max(1, (eventOptions?.Value ?? new BehaviourEventOptions()).RetentionDays);

    /// <summary>Any value that is not one of <see cref="Periods"/> (junk, negative, 8) reads as 7.</summary>
    public static int Period(int? days) => days is { } d && Periods.Contains(d) ? d : 7;

    public async Task<CreatorCentre> LoadAsync(string userId, int days, CancellationToken ct)
    {
        days = Period(days);
        var zone = OrderQueries.ShopOffset;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(zone).DateTime);
        var firstDay = today.AddDays(-(days - 1));
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), zone).ToUniversalTime();
        var viewDays = Math.Min(days, ViewRetentionDays);
        var viewsSince = new DateTimeOffset(today.AddDays(-(viewDays - 1)).ToDateTime(TimeOnly.MinValue), zone).ToUniversalTime();
        DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(zone).DateTime);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notes = await db.Notes.AsNoTracking().Where(n => n.AuthorId == userId && n.Status == NoteStatus.Published)
            .OrderByDescending(n => n.CreatedAt).Take(MaxNotes).Select(n => new { n.Id, n.Title }).ToListAsync(ct);
        var ids = notes.Select(n => n.Id).ToList();
        var noteIdStrings = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var nullableIds = ids.Select(i => (long?)i).ToList();

        // Rows (a note id and a time) rather than SQL groups: the days are shop days, bucketed here for every provider.
        var views = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.Kind == BehaviourKind.View && e.NoteId != null && nullableIds.Contains(e.NoteId) && e.OccurredAt >= viewsSince)
            .Select(e => new { NoteId = e.NoteId!.Value, e.OccurredAt }).ToListAsync(ct);
        var likes = await db.NoteLikes.AsNoTracking().Where(l => ids.Contains(l.NoteId) && l.CreatedAt >= since)
            .Select(l => new { l.NoteId, l.CreatedAt }).ToListAsync(ct);
        var collects = await db.Collects.Where(l => ids.Contains(l.NoteId) && l.CreatedAt >= since).GroupBy(l => l.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var comments = await db.Comments.Where(l => ids.Contains(l.NoteId) && !l.IsDeleted && l.CreatedAt >= since).GroupBy(l => l.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var shares = await db.ShareVisits.Where(v => v.VisitedAt >= since)
            .Join(db.ShareLinks.Where(l => l.TargetType == Sharing.ShareTargetType.Note && noteIdStrings.Contains(l.TargetId)), v => v.ShareLinkId, l => l.Id, (v, l) => l.TargetId)
            .GroupBy(t => t).Select(g => new { g.Key, C = g.Count() }).ToListAsync(ct);
        var clicks = await db.AttributionTouches.Where(t => ids.Contains(t.NoteId) && t.ProductId != 0 && t.FirstTouchedAt >= since).GroupBy(t => t.NoteId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var sales = await db.OrderLineAttributions.Where(a => a.EarnerId == userId && a.NoteId != 0)
            .Join(db.Orders.Where(o => o.PaidAt != null && o.PaidAt >= since), a => a.OrderId, o => o.Id, (a, o) => new { a, PaidAt = o.PaidAt!.Value })
            .Join(db.OrderLines, x => x.a.OrderLineId, l => l.Id, (x, l) => new { x.a.NoteId, x.a.OrderId, x.PaidAt, l.Payable, l.RefundedAmount })
            .ToListAsync(ct);
        // Money is summed here, not in SQL: SQLite stores it as minor units through a converter.
        var commissionRows = await db.CommissionEntries.AsNoTracking().Where(e => e.CreatorId == userId && e.CreatedAt >= since)
            .Select(e => new { e.NoteId, e.Amount, e.CreatedAt }).ToListAsync(ct);
        var commission = commissionRows.GroupBy(e => e.NoteId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        // An unfollow deletes its row, so the series is "of today's followers, how many followed by then" (ADR-066).
        var followersBefore = await db.Follows.CountAsync(f => f.FolloweeId == userId && f.CreatedAt < since, ct);
        var follows = await db.Follows.AsNoTracking().Where(f => f.FolloweeId == userId && f.CreatedAt >= since).Select(f => f.CreatedAt).ToListAsync(ct);

        var viewsByNote = views.GroupBy(v => v.NoteId).ToDictionary(g => g.Key, g => g.Count());
        var likesByNote = likes.GroupBy(l => l.NoteId).ToDictionary(g => g.Key, g => g.Count());
        var salesByNote = sales.ToLookup(s => s.NoteId);
        var rows = notes.Select(n => new NoteFigures(
            n.Id, n.Title,
            viewsByNote.GetValueOrDefault(n.Id),
            likesByNote.GetValueOrDefault(n.Id), collects.GetValueOrDefault(n.Id), comments.GetValueOrDefault(n.Id),
            shares.Where(s => s.Key == n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sum(s => s.C),
            clicks.GetValueOrDefault(n.Id),
            salesByNote[n.Id].Select(s => s.OrderId).Distinct().Count(),
            salesByNote[n.Id].Sum(s => s.Payable - s.RefundedAmount),
            commission.GetValueOrDefault(n.Id))).ToList();

        var viewsByDay = views.GroupBy(v => DayOf(v.OccurredAt)).ToDictionary(g => g.Key, g => g.Count());
        var likesByDay = likes.GroupBy(l => DayOf(l.CreatedAt)).ToDictionary(g => g.Key, g => g.Count());
        var salesByDay = sales.ToLookup(s => DayOf(s.PaidAt));
        var commissionByDay = commissionRows.GroupBy(e => DayOf(e.CreatedAt)).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var followsByDay = follows.GroupBy(DayOf).ToDictionary(g => g.Key, g => g.Count());
        var followersSoFar = followersBefore;
        var daily = new List<CreatorDay>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.AddDays(i);
            followersSoFar += followsByDay.GetValueOrDefault(day);
            daily.Add(new CreatorDay(day, viewsByDay.GetValueOrDefault(day), likesByDay.GetValueOrDefault(day),
                salesByDay[day].Select(s => s.OrderId).Distinct().Count(), salesByDay[day].Sum(s => s.Payable - s.RefundedAmount),
                commissionByDay.GetValueOrDefault(day), followersSoFar));
        }
        return new CreatorCentre(days, rows, follows.Count, sales.Select(s => s.OrderId).Distinct().Count(),
            sales.Sum(s => s.Payable - s.RefundedAmount), commissionRows.Sum(e => e.Amount), views.Count, viewDays, daily);
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
