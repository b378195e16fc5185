using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

public sealed record OpenGroupCard(long Id, string LeaderName, string? LeaderAvatarKey, int SeatsLeft, DateTimeOffset Deadline, bool LeaderFollowed);

/// <summary>What the product page shows: the running campaign of the product (if any) and its open groups.</summary>
public sealed record GroupBuyPanelView(
    long CampaignId, long SkuId, string SkuLabel, decimal SinglePrice, decimal GroupPrice, string Currency, int GroupSize, int TimeLimitMinutes,
    int StockLeft, IReadOnlyList<OpenGroupCard> Groups, decimal? LeaderPrice = null);

public sealed record GroupMemberView(string UserId, string UserName, string DisplayName, string? AvatarKey, bool IsLeader, DateTimeOffset PaidAt);

public sealed record GroupPageView(
    long Id, long CampaignId, long ProductId, string ProductTitle, string CoverKey, string SkuLabel, decimal SinglePrice, decimal GroupPrice,
    string Currency, GroupBuyStatus Status, int Size, int Taken, int PaidCount, DateTimeOffset? Deadline, bool CampaignRunning,
    IReadOnlyList<GroupMemberView> Members, GroupBuyMemberStatus? ViewerStatus, string? ViewerOrderNumber)
{
    /// <summary>Seats nobody holds (neither paid nor held by an unpaid order).</summary>
    public int SeatsFree => Math.Max(0, Size - Taken);

    /// <summary>Real paid members still needed.</summary>
    public int Needed => Math.Max(0, Size - PaidCount);
}

public sealed record CampaignFigures(
    long Id, long ProductId, string ProductTitle, string SkuLabel, decimal GroupPrice, decimal SinglePrice, int GroupSize, int TimeLimitMinutes,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock, int InitialStock, int PerUserLimit, bool IsPaused,
    int Open, int Succeeded, int Failed, int RefundsIssued, decimal RefundedTotal, decimal? LeaderPrice = null)
{
    /// <summary>Succeeded groups as a share of the groups that closed (succeeded or failed); null before any closed.</summary>
    public decimal? FillRate => Succeeded + Failed == 0 ? null : Math.Round((decimal)Succeeded / (Succeeded + Failed), 4);
}

/// <summary>Read models of group buys: the product panel, the group page and the back-office figures — counts of real rows.</summary>
public sealed class GroupBuyQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, GroupBuyDirectory directory)
{
    public const int PanelGroups = 5;

    public async Task<GroupBuyPanelView?> PanelAsync(long productId, string? viewerId, CancellationToken cancellationToken)
    {
        if (!await directory.ContainsAsync(productId, cancellationToken)) return null;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await (from c in db.GroupBuyCampaigns
                              join s in db.Skus on c.SkuId equals s.Id
                              join p in db.Products on c.ProductId equals p.Id
                              where c.ProductId == productId && !c.IsPaused && c.StartsAt <= now && c.EndsAt > now
                              orderby c.Id
                              select new { c.Id, c.SkuId, s.Key, s.Price, c.GroupPrice, p.Currency, c.GroupSize, c.TimeLimitMinutes, c.Stock, c.LeaderPrice })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return null;
        var groups = await (from g in db.GroupBuyGroups
                            join u in db.Users on g.LeaderId equals u.Id
                            where g.CampaignId == campaign.Id && g.Status == GroupBuyStatus.Open && g.Deadline > now && g.Taken < g.Size
                            select new
                            {
                                g.Id,
                                Name = u.DisplayName != "" ? u.DisplayName : u.UserName!,
                                u.AvatarKey,
                                Left = g.Size - g.Taken,
                                Deadline = g.Deadline!.Value,
                                Followed = viewerId != null && db.Follows.Any(f => f.FollowerId == viewerId && f.FolloweeId == g.LeaderId),
                            }).ToListAsync(cancellationToken);
        var cards = groups
            .OrderByDescending(g => g.Followed).ThenBy(g => g.Left).ThenBy(g => g.Deadline).Take(PanelGroups)
            .Select(g => new OpenGroupCard(g.Id, g.Name, g.AvatarKey, g.Left, g.Deadline, g.Followed)).ToList();
        return new GroupBuyPanelView(campaign.Id, campaign.SkuId, Catalog.SkuKey.Split(campaign.Key) is { Count: > 0 } parts ? string.Join(" ", parts) : "",
            campaign.Price, campaign.GroupPrice, campaign.Currency, campaign.GroupSize, campaign.TimeLimitMinutes, campaign.Stock, cards, campaign.LeaderPrice);
    }

    public async Task<GroupPageView?> GroupAsync(long groupId, string? viewerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await (from g in db.GroupBuyGroups
                          join c in db.GroupBuyCampaigns on g.CampaignId equals c.Id
                          join s in db.Skus on c.SkuId equals s.Id
                          join p in db.Products on c.ProductId equals p.Id
                          where g.Id == groupId && g.Status != GroupBuyStatus.Pending && g.Status != GroupBuyStatus.Abandoned
                          select new { g, c, s.Key, s.Price, p.Title, p.CoverKey, p.Currency }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        var members = await (from m in db.GroupBuyMembers
                             join u in db.Users on m.UserId equals u.Id
                             where m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Paid
                             orderby m.PaidAt, m.Id
                             select new GroupMemberView(m.UserId, u.UserName!, u.DisplayName, u.AvatarKey, m.UserId == head.g.LeaderId, m.PaidAt!.Value))
            .ToListAsync(cancellationToken);
        var mine = viewerId is null ? null : await (from m in db.GroupBuyMembers
                                                    join o in db.Orders on m.OrderId equals o.Id
                                                    where m.GroupId == groupId && m.UserId == viewerId
                                                    select new { m.Status, o.Number }).FirstOrDefaultAsync(cancellationToken);
        return new GroupPageView(head.g.Id, head.c.Id, head.c.ProductId, head.Title, head.CoverKey,
            Catalog.SkuKey.Split(head.Key) is { Count: > 0 } parts ? string.Join(" ", parts) : "", head.Price, head.c.GroupPrice, head.Currency,
            head.g.Status, head.g.Size, head.g.Taken, head.g.PaidCount, head.g.Deadline, head.c.IsRunning(now), members, mine?.Status, mine?.Number);
    }

    /// <summary>Every campaign, newest first, with its figures.</summary>
    public async Task<IReadOnlyList<CampaignFigures>> CampaignsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await (from c in db.GroupBuyCampaigns
                               join s in db.Skus on c.SkuId equals s.Id
                               join p in db.Products on c.ProductId equals p.Id
                               orderby c.Id descending
                               select new { c, s.Key, s.Price, p.Title }).ToListAsync(cancellationToken);
        var counts = await db.GroupBuyGroups.GroupBy(g => new { g.CampaignId, g.Status })
            .Select(x => new { x.Key.CampaignId, x.Key.Status, Count = x.Count() }).ToListAsync(cancellationToken);
        var refunds = await (from m in db.GroupBuyMembers
                             join g in db.GroupBuyGroups on m.GroupId equals g.Id
                             join o in db.Orders on m.OrderId equals o.Id
                             where m.Status == GroupBuyMemberStatus.Refunded
                             select new { g.CampaignId, o.RefundedAmount }).ToListAsync(cancellationToken);
        int Count(long id, params GroupBuyStatus[] statuses) => counts.Where(x => x.CampaignId == id && statuses.Contains(x.Status)).Sum(x => x.Count);
        return [.. campaigns.Select(x => new CampaignFigures(
            x.c.Id, x.c.ProductId, x.Title, Catalog.SkuKey.Split(x.Key) is { Count: > 0 } parts ? string.Join(" ", parts) : "", x.c.GroupPrice, x.Price,
            x.c.GroupSize, x.c.TimeLimitMinutes, x.c.StartsAt, x.c.EndsAt, x.c.Stock, x.c.InitialStock, x.c.PerUserLimit, x.c.IsPaused,
            Count(x.c.Id, GroupBuyStatus.Open), Count(x.c.Id, GroupBuyStatus.Succeeded), Count(x.c.Id, GroupBuyStatus.Failed, GroupBuyStatus.Refunded),
            refunds.Count(r => r.CampaignId == x.c.Id), refunds.Where(r => r.CampaignId == x.c.Id).Sum(r => r.RefundedAmount), x.c.LeaderPrice))];
    }

    /// <summary>SKUs an admin can start a campaign on (on-sale products), for the create form.</summary>
    public async Task<IReadOnlyList<(long SkuId, string Label, decimal Price, int Stock)>> SkuChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from s in db.Skus
                          join p in db.Products on s.ProductId equals p.Id
                          where s.IsActive && p.Status == Catalog.ProductStatus.OnSale
                          orderby p.Id descending, s.Id
                          select new { s.Id, p.Title, s.Key, s.Price, s.Stock }).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Key.Length == 0 ? r.Title : r.Title + " · " + string.Join(" ", Catalog.SkuKey.Split(r.Key)), r.Price, r.Stock))];
    }
}
