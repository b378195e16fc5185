using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

public sealed record CampaignInput(
    long SkuId, decimal GroupPrice, int GroupSize, int TimeLimitMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock, int PerUserLimit,
    decimal? LeaderPrice = null);

/// <summary>The order a start or a join placed: the buyer pays it next.</summary>
public sealed record GroupBuyOrder(long GroupId, long OrderId, string OrderNumber, decimal Total, bool Created);

/// <summary>
/// Campaigns (admin) and seats (buyers). Starting a group and joining one are each one transaction: take a unit
/// of campaign stock (a conditional update on the campaign row, which also queues one person's joins so the
/// per-user limit is counted after any earlier join committed), take a seat (a conditional update on the
/// group's taken seats), write the order at the group price through <see cref="OrderWriter"/>, insert the
/// member row (UNIQUE(group, user)), and reserve the SKU's stock through <see cref="StockLedger"/>. Anything
/// refused rolls all of it back. What happens when the order is paid or cancelled is in <see cref="GroupBuyOrders"/>.
/// </summary>
public sealed class GroupBuyService(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, PricingPipeline pricing, IOptions<CheckoutOptions> checkout,
    GroupBuyDirectory directory)
{
    public async Task<long> CreateCampaignAsync(ClaimsPrincipal actor, CampaignInput input, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, GroupBuyErrors.AdminOnly);
        ValidateShape(input);
        var id = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var sku = await db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SkuId && s.IsActive, ct)
                ?? throw new DomainException(GroupBuyErrors.SkuInvalid);
            if (input.GroupPrice >= sku.Price) throw new DomainException(GroupBuyErrors.PriceNotBelowSingle, Money.Plain(sku.Price));
            if (input.Stock > sku.Stock) throw new DomainException(GroupBuyErrors.StockAboveProduct, sku.Stock);
            var campaign = new GroupBuyCampaign
            {
                ProductId = sku.ProductId,
                SkuId = sku.Id,
                GroupPrice = input.GroupPrice,
                LeaderPrice = input.LeaderPrice,
                GroupSize = input.GroupSize,
                TimeLimitMinutes = input.TimeLimitMinutes,
                StartsAt = input.StartsAt,
                EndsAt = input.EndsAt,
                Stock = input.Stock,
                InitialStock = input.Stock,
                PerUserLimit = input.PerUserLimit,
                CreatedById = adminId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.GroupBuyCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            return campaign.Id;
        }, cancellationToken);
        directory.Invalidate();
        return id;
    }

    /// <summary>The checks that need no database: price, size, time limit, window, stock and limit ranges.</summary>
    public static void ValidateShape(CampaignInput input)
    {
        if (input.GroupPrice <= 0 || decimal.Round(input.GroupPrice, 2) != input.GroupPrice) throw new DomainException(GroupBuyErrors.PriceInvalid);
        if (input.LeaderPrice is { } leader && (leader <= 0 || decimal.Round(leader, 2) != leader || leader > input.GroupPrice))
            throw new DomainException(GroupBuyErrors.LeaderPriceInvalid, Money.Plain(input.GroupPrice));
        if (input.GroupSize is < GroupBuyCampaign.MinGroupSize or > GroupBuyCampaign.MaxGroupSize)
            throw new DomainException(GroupBuyErrors.SizeInvalid, GroupBuyCampaign.MinGroupSize, GroupBuyCampaign.MaxGroupSize);
        if (input.TimeLimitMinutes is < GroupBuyCampaign.MinTimeLimitMinutes or > GroupBuyCampaign.MaxTimeLimitMinutes)
            throw new DomainException(GroupBuyErrors.TimeLimitInvalid, GroupBuyCampaign.MinTimeLimitMinutes, GroupBuyCampaign.MaxTimeLimitMinutes / 60);
        if (input.EndsAt <= input.StartsAt) throw new DomainException(GroupBuyErrors.WindowInvalid);
        if (input.Stock <= 0) throw new DomainException(GroupBuyErrors.StockInvalid);
        if (input.PerUserLimit is < 1 or > GroupBuyCampaign.MaxPerUserLimit) throw new DomainException(GroupBuyErrors.PerUserLimitInvalid, GroupBuyCampaign.MaxPerUserLimit);
    }

    public async Task SetPausedAsync(ClaimsPrincipal actor, long campaignId, bool paused, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, GroupBuyErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.GroupBuyCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPaused, paused), cancellationToken);
        if (changed == 0) throw new DomainException(GroupBuyErrors.CampaignNotFound);
    }

    /// <summary>Starts a group: the leader's order at the group price; the group opens when it is paid.</summary>
    public Task<GroupBuyOrder> StartAsync(string buyerId, long campaignId, string key, CancellationToken cancellationToken) =>
        PlaceAsync(buyerId, campaignId, groupId: null, key, cancellationToken);

    /// <summary>Joins an open group: a seat held for the unpaid-order time, taken for good when the order is paid.</summary>
    public async Task<GroupBuyOrder> JoinAsync(string buyerId, long groupId, string key, CancellationToken cancellationToken)
    {
        long campaignId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            campaignId = await db.GroupBuyGroups.Where(g => g.Id == groupId).Select(g => (long?)g.CampaignId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(GroupBuyErrors.GroupNotFound);
        }
        return await PlaceAsync(buyerId, campaignId, groupId, key, cancellationToken);
    }

    private async Task<GroupBuyOrder> PlaceAsync(string buyerId, long campaignId, long? groupId, string key, CancellationToken cancellationToken)
    {
        if (!CheckoutService.IsWellFormedKey(key)) throw new DomainException(GroupBuyErrors.KeyInvalid);
        if (await FindAsync(buyerId, key, cancellationToken) is { } existing) return existing;
        try
        {
            return await DbTransactions.RunAsync(dbFactory, (db, ct) => PlaceInTransactionAsync(db, buyerId, campaignId, groupId, key, ct), cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same form submitted twice (same key: the first order), or the same person joining the same group twice at once.
            if (await FindAsync(buyerId, key, cancellationToken) is { } again) return again;
            throw new DomainException(GroupBuyErrors.AlreadyMember);
        }
    }

    private async Task<GroupBuyOrder> PlaceInTransactionAsync(
        SocialStoreDbContext db, string buyerId, long campaignId, long? groupId, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var campaign = await db.GroupBuyCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new DomainException(GroupBuyErrors.CampaignNotFound);
        if (!campaign.IsRunning(now)) throw new DomainException(GroupBuyErrors.NotRunning);
        if (groupId is { } g0)
        {
            // Clear messages first; the conditional updates below are what decides.
            var group = await db.GroupBuyGroups.AsNoTracking().FirstAsync(g => g.Id == g0, ct);
            if (group.Status != GroupBuyStatus.Open || group.Deadline <= now) throw new DomainException(GroupBuyErrors.GroupClosed);
            if (await db.GroupBuyMembers.AnyAsync(m => m.GroupId == g0 && m.UserId == buyerId, ct)) throw new DomainException(GroupBuyErrors.AlreadyMember);
            if (group.Taken >= group.Size) throw new DomainException(GroupBuyErrors.GroupFull);
        }
        var sku = await CampaignOrders.SkuAsync(db, campaign.SkuId, ct) ?? throw new DomainException(GroupBuyErrors.SoldOut);
        var address = await CampaignOrders.BeginAsync(db, buyerId, sku, 1, null, checkout.Value, now, Limits, GroupBuyErrors.AddressRequired, ct);

        // Campaign stock: one unit per seat. This row lock also queues the joins of this campaign, so the
        // per-user count below already sees every seat committed before it.
        var took = await db.GroupBuyCampaigns.Where(c => c.Id == campaignId && c.Stock >= 1)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stock, c => c.Stock - 1), ct);
        if (took == 0) throw new DomainException(GroupBuyErrors.SoldOut);
        var mine = await db.GroupBuyMembers.CountAsync(m => m.UserId == buyerId
            && (m.Status == GroupBuyMemberStatus.Held || m.Status == GroupBuyMemberStatus.Paid)
            && db.GroupBuyGroups.Any(g => g.Id == m.GroupId && g.CampaignId == campaignId), ct);
        if (mine >= campaign.PerUserLimit) throw new DomainException(GroupBuyErrors.LimitReached, campaign.PerUserLimit);

        long id;
        if (groupId is { } gid)
        {
            var seated = await db.GroupBuyGroups
                .Where(g => g.Id == gid && g.Status == GroupBuyStatus.Open && g.Deadline > now && g.Taken < g.Size)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken + 1), ct);
            if (seated == 0)
            {
                var status = await db.GroupBuyGroups.Where(g => g.Id == gid).Select(g => g.Status).SingleAsync(ct);
                throw new DomainException(status == GroupBuyStatus.Open ? GroupBuyErrors.GroupFull : GroupBuyErrors.GroupClosed);
            }
            id = gid;
        }
        else
        {
            var group = new GroupBuyGroup
            {
                CampaignId = campaignId,
                LeaderId = buyerId,
                Status = GroupBuyStatus.Pending,
                Size = campaign.GroupSize,
                Taken = 1,
                CreatedAt = now,
            };
            db.GroupBuyGroups.Add(group);
            await db.SaveChangesAsync(ct);
            id = group.Id;
        }

        var price = groupId is null && campaign.LeaderPrice is { } leaderPrice ? leaderPrice : campaign.GroupPrice;
        var order = await CampaignOrders.WriteAsync(db, pricing, checkout.Value, buyerId, key, address, sku, price, 1, now, ct,
            o => db.GroupBuyMembers.Add(new GroupBuyMember { GroupId = id, UserId = buyerId, OrderId = o.Id, Status = GroupBuyMemberStatus.Held, JoinedAt = now }));
        await CampaignOrders.TakeStockAsync(db, sku, 1, GroupBuyErrors.SoldOut, ct);
        return new GroupBuyOrder(id, order.Id, order.Number, order.Total, Created: true);
    }

    private static readonly CampaignLimitCodes Limits = new(GroupBuyErrors.LimitReached, GroupBuyErrors.RateLimited, GroupBuyErrors.TooManyUnpaid);

    private async Task<GroupBuyOrder?> FindAsync(string buyerId, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from o in db.Orders
                      join m in db.GroupBuyMembers on o.Id equals m.OrderId
                      where o.BuyerId == buyerId && o.CheckoutKey == key
                      select new GroupBuyOrder(m.GroupId, o.Id, o.Number, o.Total, false)).FirstOrDefaultAsync(ct);
    }
}
