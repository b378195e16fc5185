using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Bargains;

/// <summary>What the product page shows: the running campaign (if any) and the viewer's open bargain on it.</summary>
public sealed record BargainPanelView(long CampaignId, decimal Price, decimal FloorPrice, string Currency, int HelpersNeeded, int TimeLimitMinutes, long? MyOpenBargainId);

public sealed record BargainCutView(int Sequence, string HelperId, string HelperName, decimal Amount, DateTimeOffset CreatedAt);

/// <summary>The bargain page: the floor, the helpers still needed, the exact remaining amount, every cut.</summary>
public sealed record BargainPageView(
    long Id, long CampaignId, long ProductId, string ProductTitle, string CoverKey, string SkuLabel, string Currency, string OwnerId, string OwnerName,
    BargainStatus Status, bool Expired, decimal StartPrice, decimal FloorPrice, decimal TotalCut, decimal MaxCut, int HelpersNeeded, int HelperCount,
    DateTimeOffset ExpiresAt, string? OrderNumber, IReadOnlyList<BargainCutView> Cuts)
{
    public decimal CurrentPrice => StartPrice - TotalCut;

    /// <summary>Yuan still to cut before the floor.</summary>
    public decimal Remaining => MaxCut - TotalCut;

    public int HelpersLeft => Math.Max(0, HelpersNeeded - HelperCount);

    public bool IsOpen => Status == BargainStatus.Open && !Expired;
}

public sealed record MyBargainRow(long Id, string ProductTitle, string Currency, BargainStatus Status, bool Expired, decimal CurrentPrice, decimal FloorPrice,
    int HelpersLeft, DateTimeOffset ExpiresAt, string? OrderNumber);

public sealed record BargainCampaignFigures(
    long Id, long ProductId, string ProductTitle, string SkuLabel, decimal Price, decimal FloorPrice, int HelpersNeeded, int TimeLimitMinutes,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock, int InitialStock, bool IsPaused, int Started, int Completed, int Bought, int Cuts);

/// <summary>Read models of bargains — counts of real rows.</summary>
public sealed class BargainQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, BargainDirectory directory)
{
    private static string Label(string key) => Catalog.SkuKey.Split(key) is { Count: > 0 } parts ? string.Join(" ", parts) : "";

    /// <summary>No database round trip unless the product carries a campaign (cached directory).</summary>
    public async Task<BargainPanelView?> PanelAsync(long productId, string? viewerId, CancellationToken cancellationToken)
    {
        if (!await directory.ContainsAsync(productId, cancellationToken)) return null;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (from c in db.BargainCampaigns
                         join s in db.Skus on c.SkuId equals s.Id
                         join p in db.Products on c.ProductId equals p.Id
                         where c.ProductId == productId && !c.IsPaused && c.StartsAt <= now && c.EndsAt > now && c.Stock > 0 && c.FloorPrice < s.Price
                         orderby c.Id
                         select new
                         {
                             c.Id,
                             s.Price,
                             c.FloorPrice,
                             p.Currency,
                             c.HelpersNeeded,
                             c.TimeLimitMinutes,
                             Mine = viewerId == null ? null : db.Bargains.Where(b => b.CampaignId == c.Id && b.OpenOwnerId == viewerId && b.ExpiresAt > now)
                                 .Select(b => (long?)b.Id).FirstOrDefault(),
                         }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new BargainPanelView(row.Id, row.Price, row.FloorPrice, row.Currency, row.HelpersNeeded, row.TimeLimitMinutes, row.Mine);
    }

    public async Task<BargainPageView?> BargainAsync(long bargainId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await (from b in db.Bargains
                          join c in db.BargainCampaigns on b.CampaignId equals c.Id
                          join s in db.Skus on c.SkuId equals s.Id
                          join p in db.Products on c.ProductId equals p.Id
                          join u in db.Users on b.OwnerId equals u.Id
                          where b.Id == bargainId
                          select new
                          {
                              b,
                              c.ProductId,
                              p.Title,
                              p.CoverKey,
                              p.Currency,
                              s.Key,
                              Owner = u.DisplayName != "" ? u.DisplayName : u.UserName!,
                              Number = db.Orders.Where(o => o.Id == b.OrderId).Select(o => o.Number).FirstOrDefault(),
                          }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        var cuts = await (from c in db.BargainCuts
                          join u in db.Users on c.HelperId equals u.Id
                          where c.BargainId == bargainId
                          orderby c.Sequence
                          select new BargainCutView(c.Sequence, c.HelperId, u.DisplayName != "" ? u.DisplayName : u.UserName!, c.Amount, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var x = head.b;
        return new BargainPageView(x.Id, x.CampaignId, head.ProductId, head.Title, head.CoverKey, Label(head.Key), head.Currency, x.OwnerId, head.Owner,
            x.Status, x.IsExpired(now), x.StartPrice, x.FloorPrice, x.TotalCut, x.MaxCut, x.HelpersNeeded, x.HelperCount, x.ExpiresAt, head.Number, cuts);
    }

    /// <summary>The owner's bargains, newest first.</summary>
    public async Task<IReadOnlyList<MyBargainRow>> MineAsync(string ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from b in db.Bargains
                          join c in db.BargainCampaigns on b.CampaignId equals c.Id
                          join p in db.Products on c.ProductId equals p.Id
                          where b.OwnerId == ownerId
                          orderby b.CreatedAt descending, b.Id descending
                          select new
                          {
                              b,
                              p.Title,
                              p.Currency,
                              Number = db.Orders.Where(o => o.Id == b.OrderId).Select(o => o.Number).FirstOrDefault(),
                          }).Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MyBargainRow(r.b.Id, r.Title, r.Currency, r.b.Status, r.b.IsExpired(now), r.b.CurrentPrice, r.b.FloorPrice,
            r.b.HelpersLeft, r.b.ExpiresAt, r.Number))];
    }

    /// <summary>Every campaign, newest first, with its figures: bargains started, completed (floor reached), bought (order placed and not cancelled).</summary>
    public async Task<IReadOnlyList<BargainCampaignFigures>> CampaignsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await (from c in db.BargainCampaigns
                               join s in db.Skus on c.SkuId equals s.Id
                               join p in db.Products on c.ProductId equals p.Id
                               orderby c.Id descending
                               select new { c, s.Key, s.Price, p.Title }).ToListAsync(cancellationToken);
        var figures = await db.Bargains.GroupBy(b => b.CampaignId).Select(g => new
        {
            CampaignId = g.Key,
            Started = g.Count(),
            Completed = g.Count(b => b.HelperCount >= b.HelpersNeeded),
            Bought = g.Count(b => b.Status == BargainStatus.Bought),
        }).ToListAsync(cancellationToken);
        var cuts = await (from c in db.BargainCuts
                          join b in db.Bargains on c.BargainId equals b.Id
                          group c by b.CampaignId into g
                          select new { CampaignId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. campaigns.Select(x =>
        {
            var f = figures.FirstOrDefault(y => y.CampaignId == x.c.Id);
            return new BargainCampaignFigures(x.c.Id, x.c.ProductId, x.Title, Label(x.Key), x.Price, x.c.FloorPrice, x.c.HelpersNeeded, x.c.TimeLimitMinutes,
                x.c.StartsAt, x.c.EndsAt, x.c.Stock, x.c.InitialStock, x.c.IsPaused, f?.Started ?? 0, f?.Completed ?? 0, f?.Bought ?? 0,
                cuts.FirstOrDefault(y => y.CampaignId == x.c.Id)?.Count ?? 0);
        })];
    }
}
