using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Bargains;

public sealed record BargainCampaignInput(
    long SkuId, decimal FloorPrice, int HelpersNeeded, int TimeLimitMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock);

/// <summary>A helper's cut: its amount and what is left after it.</summary>
public sealed record BargainCutResult(long BargainId, int Sequence, decimal Amount, decimal Remaining, int HelpersLeft);

/// <summary>The order the owner's purchase placed: the owner pays it next.</summary>
public sealed record BargainOrder(long BargainId, long OrderId, string OrderNumber, decimal Total, bool Created);

/// <summary>The source of the cuts' randomness (a seeded one in tests).</summary>
public sealed class BargainRandom(Random random)
{
    public BargainRandom() : this(Random.Shared)
    {
    }

    public decimal NextCut(decimal remaining, int helpersLeft)
    {
        lock (random) return BargainCutAlgorithm.NextCut(remaining, helpersLeft, random);
    }
}

/// <summary>
/// Campaigns (admin), bargains (owners), cuts (helpers) and the purchase. A cut is one transaction: a conditional
/// update that counts the helper (<c>HelperCount &lt; N</c>, open, not expired — it also locks the bargain row so
/// cuts queue), a second one that adds the drawn amount (<c>TotalCut + x &lt;= MaxCut</c>), and the cut row
/// (UNIQUE(bargain, helper)); anything refused rolls all of it back, so the recorded cuts always add up to the
/// bargain's total cut. The purchase is one transaction too: a conditional update closes the bargain (once), a
/// unit of campaign stock is taken, the order is written through <see cref="OrderWriter"/> at the price reached.
/// </summary>
public sealed class BargainService(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, PricingPipeline pricing, IOptions<CheckoutOptions> checkout,
    BargainDirectory directory, BargainRandom random)
{
    public async Task<long> CreateCampaignAsync(ClaimsPrincipal actor, BargainCampaignInput input, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, BargainErrors.AdminOnly);
        ValidateShape(input);
        var id = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var sku = await db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SkuId && s.IsActive, ct)
                ?? throw new DomainException(BargainErrors.SkuInvalid);
            if (input.FloorPrice >= sku.Price) throw new DomainException(BargainErrors.FloorNotBelowPrice, Money.Plain(sku.Price));
            // Every helper cuts at least one fen.
            if ((sku.Price - input.FloorPrice) * 100m < input.HelpersNeeded) throw new DomainException(BargainErrors.CutTooSmall, input.HelpersNeeded);
            if (input.Stock > sku.Stock) throw new DomainException(BargainErrors.StockAboveProduct, sku.Stock);
            var campaign = new BargainCampaign
            {
                ProductId = sku.ProductId,
                SkuId = sku.Id,
                FloorPrice = input.FloorPrice,
                HelpersNeeded = input.HelpersNeeded,
                TimeLimitMinutes = input.TimeLimitMinutes,
                StartsAt = input.StartsAt,
                EndsAt = input.EndsAt,
                Stock = input.Stock,
                InitialStock = input.Stock,
                CreatedById = adminId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.BargainCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            return campaign.Id;
        }, cancellationToken);
        directory.Invalidate();
        return id;
    }

    /// <summary>The checks that need no database: floor, helpers, time limit, window and stock ranges.</summary>
    public static void ValidateShape(BargainCampaignInput input)
    {
        if (input.FloorPrice <= 0 || decimal.Round(input.FloorPrice, 2) != input.FloorPrice) throw new DomainException(BargainErrors.FloorInvalid);
        if (input.HelpersNeeded is < BargainCampaign.MinHelpers or > BargainCampaign.MaxHelpers)
            throw new DomainException(BargainErrors.HelpersInvalid, BargainCampaign.MinHelpers, BargainCampaign.MaxHelpers);
        if (input.TimeLimitMinutes is < BargainCampaign.MinTimeLimitMinutes or > BargainCampaign.MaxTimeLimitMinutes)
            throw new DomainException(BargainErrors.TimeLimitInvalid, BargainCampaign.MinTimeLimitMinutes, BargainCampaign.MaxTimeLimitMinutes / 60);
        if (input.EndsAt <= input.StartsAt) throw new DomainException(BargainErrors.WindowInvalid);
        if (input.Stock <= 0) throw new DomainException(BargainErrors.StockInvalid);
    }

    public async Task SetPausedAsync(ClaimsPrincipal actor, long campaignId, bool paused, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, BargainErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.BargainCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPaused, paused), cancellationToken);
        if (changed == 0) throw new DomainException(BargainErrors.CampaignNotFound);
        directory.Invalidate();
    }

    /// <summary>Starts a bargain at the SKU's current price; the owner's open bargain of this campaign if there is one.</summary>
    public async Task<long> StartAsync(string ownerId, long campaignId, CancellationToken cancellationToken)
    {
        try
        {
            return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var campaign = await db.BargainCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
                    ?? throw new DomainException(BargainErrors.CampaignNotFound);
                if (!campaign.IsRunning(now)) throw new DomainException(BargainErrors.NotRunning);
                if (campaign.Stock < 1) throw new DomainException(BargainErrors.SoldOut);
                // An expired bargain gives its slot back (expiry is decided on read and on write, ADR-043).
                await db.Bargains.Where(b => b.CampaignId == campaignId && b.OpenOwnerId == ownerId && b.ExpiresAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.OpenOwnerId, (string?)null), ct);
                var open = await db.Bargains.Where(b => b.CampaignId == campaignId && b.OpenOwnerId == ownerId).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct);
                if (open is { } existing) return existing;
                var price = await db.Skus.Where(s => s.Id == campaign.SkuId).Select(s => s.Price).SingleAsync(ct);
                if (campaign.FloorPrice >= price) throw new DomainException(BargainErrors.NotRunning);
                var helpers = (int)Math.Min(campaign.HelpersNeeded, (price - campaign.FloorPrice) * 100m);
                var bargain = new Bargain
                {
                    CampaignId = campaignId,
                    OwnerId = ownerId,
                    OpenOwnerId = ownerId,
                    Status = BargainStatus.Open,
                    StartPrice = price,
                    FloorPrice = campaign.FloorPrice,
                    MaxCut = price - campaign.FloorPrice,
                    HelpersNeeded = helpers,
                    CreatedAt = now,
                    ExpiresAt = Min(now.AddMinutes(campaign.TimeLimitMinutes), campaign.EndsAt),
                };
                db.Bargains.Add(bargain);
                await db.SaveChangesAsync(ct);
                return bargain.Id;
            }, cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same owner started twice at once: the one that committed is the open one.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Bargains.Where(b => b.CampaignId == campaignId && b.OpenOwnerId == ownerId).Select(b => (long?)b.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(BargainErrors.AlreadyOpen);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>A signed-in friend cuts once: a random share of what remains; the N-th cut reaches the floor exactly.</summary>
    public async Task<BargainCutResult> HelpAsync(string helperId, long bargainId, CancellationToken cancellationToken)
    {
        try
        {
            return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var seen = await db.Bargains.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bargainId, ct)
                    ?? throw new DomainException(BargainErrors.BargainNotFound);
                // Clear messages first; the conditional updates below are what decides.
                if (seen.OwnerId == helperId) throw new DomainException(BargainErrors.SelfHelp);
                if (await db.BargainCuts.AnyAsync(c => c.BargainId == bargainId && c.HelperId == helperId, ct)) throw new DomainException(BargainErrors.AlreadyHelped);
                ThrowIfClosed(seen, now);

                var counted = await db.Bargains
                    .Where(b => b.Id == bargainId && b.Status == BargainStatus.Open && b.ExpiresAt > now && b.HelperCount < b.HelpersNeeded)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.HelperCount, b => b.HelperCount + 1), ct);
                if (counted == 0)
                {
                    ThrowIfClosed(await db.Bargains.AsNoTracking().SingleAsync(b => b.Id == bargainId, ct), now);
                    throw new DomainException(BargainErrors.Closed);
                }

                // The row is ours until commit: what we read now is what every earlier cut left.
                var state = await db.Bargains.AsNoTracking().Where(b => b.Id == bargainId)
                    .Select(b => new { b.HelperCount, b.HelpersNeeded, b.TotalCut, b.MaxCut }).SingleAsync(ct);
                var helpersLeft = state.HelpersNeeded - state.HelperCount + 1;
                var amount = random.NextCut(state.MaxCut - state.TotalCut, helpersLeft);
                var cut = await db.Bargains.Where(b => b.Id == bargainId && b.TotalCut + amount <= b.MaxCut)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.TotalCut, b => b.TotalCut + amount), ct);
                if (cut == 0) throw new DomainException(BargainErrors.FloorReached);
                db.BargainCuts.Add(new BargainCut { BargainId = bargainId, HelperId = helperId, Sequence = state.HelperCount, Amount = amount, CreatedAt = now });
                await db.SaveChangesAsync(ct);
                return new BargainCutResult(bargainId, state.HelperCount, amount, state.MaxCut - state.TotalCut - amount, helpersLeft - 1);
            }, cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainException(BargainErrors.AlreadyHelped);
        }
    }

    private static void ThrowIfClosed(Bargain bargain, DateTimeOffset now)
    {
        if (bargain.Status != BargainStatus.Open) throw new DomainException(BargainErrors.Closed);
        if (bargain.ExpiresAt <= now) throw new DomainException(BargainErrors.Expired);
        if (bargain.HelperCount >= bargain.HelpersNeeded) throw new DomainException(BargainErrors.FloorReached);
    }

    /// <summary>The owner buys once, before expiry, at the price reached; the order is paid next through the normal path.</summary>
    public async Task<BargainOrder> BuyAsync(string ownerId, long bargainId, string key, CancellationToken cancellationToken)
    {
        if (!CheckoutService.IsWellFormedKey(key)) throw new DomainException(BargainErrors.KeyInvalid);
        if (await FindAsync(ownerId, key, cancellationToken) is { } existing) return existing;
        try
        {
            return await DbTransactions.RunAsync(dbFactory, (db, ct) => BuyInTransactionAsync(db, ownerId, bargainId, key, ct), cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            if (await FindAsync(ownerId, key, cancellationToken) is { } again) return again;
            throw new DomainException(BargainErrors.Closed);
        }
    }

    private async Task<BargainOrder> BuyInTransactionAsync(SocialStoreDbContext db, string ownerId, long bargainId, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seen = await db.Bargains.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bargainId, ct)
            ?? throw new DomainException(BargainErrors.BargainNotFound);
        if (seen.OwnerId != ownerId) throw new DomainException(BargainErrors.NotOwner);
        if (seen.Status != BargainStatus.Open) throw new DomainException(BargainErrors.Closed);
        if (seen.ExpiresAt <= now) throw new DomainException(BargainErrors.Expired);
        var skuId = await db.BargainCampaigns.Where(c => c.Id == seen.CampaignId).Select(c => c.SkuId).SingleAsync(ct);
        var sku = await CampaignOrders.SkuAsync(db, skuId, ct) ?? throw new DomainException(BargainErrors.SoldOut);
        var address = await CampaignOrders.BeginAsync(db, ownerId, sku, 1, null, checkout.Value, now, Limits, BargainErrors.AddressRequired, ct);

        // Once: the first purchase closes the bargain; a second one (or one after expiry) changes no row.
        var closed = await db.Bargains.Where(b => b.Id == bargainId && b.OwnerId == ownerId && b.Status == BargainStatus.Open && b.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BargainStatus.Bought).SetProperty(b => b.OpenOwnerId, (string?)null)
                .SetProperty(b => b.BoughtAt, now), ct);
        if (closed == 0)
        {
            var status = await db.Bargains.Where(b => b.Id == bargainId).Select(b => b.Status).SingleAsync(ct);
            throw new DomainException(status == BargainStatus.Open ? BargainErrors.Expired : BargainErrors.Closed);
        }
        var bargain = await db.Bargains.AsNoTracking().SingleAsync(b => b.Id == bargainId, ct);
        var took = await db.BargainCampaigns.Where(c => c.Id == bargain.CampaignId && c.Stock >= 1)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stock, c => c.Stock - 1), ct);
        if (took == 0) throw new DomainException(BargainErrors.SoldOut);

        var order = await CampaignOrders.WriteAsync(db, pricing, checkout.Value, ownerId, key, address, sku, bargain.CurrentPrice, 1, now, ct);
        await db.Bargains.Where(b => b.Id == bargainId).ExecuteUpdateAsync(s => s.SetProperty(b => b.OrderId, order.Id), ct);
        await CampaignOrders.TakeStockAsync(db, sku, 1, BargainErrors.SoldOut, ct);
        return new BargainOrder(bargainId, order.Id, order.Number, order.Total, Created: true);
    }

    private static readonly CampaignLimitCodes Limits = new(BargainErrors.SoldOut, BargainErrors.RateLimited, BargainErrors.TooManyUnpaid);

    private async Task<BargainOrder?> FindAsync(string ownerId, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from o in db.Orders
                      join b in db.Bargains on o.Id equals b.OrderId
                      where o.BuyerId == ownerId && o.CheckoutKey == key
                      select new BargainOrder(b.Id, o.Id, o.Number, o.Total, false)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Called from <see cref="OrderHooks"/> inside every order move: a cancelled bargain order (unpaid timeout, buyer
    /// cancel, full refund) gives its campaign unit back and marks the bargain cancelled. Idempotent (conditional update).
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, CancellationToken ct)
    {
        if (to != OrderStatus.Cancelled) return;
        var campaignId = await db.Bargains.Where(b => b.OrderId == orderId).Select(b => (long?)b.CampaignId).FirstOrDefaultAsync(ct);
        if (campaignId is null) return;
        var cancelled = await db.Bargains.Where(b => b.OrderId == orderId && b.Status == BargainStatus.Bought)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BargainStatus.Cancelled), ct);
        if (cancelled == 1)
            await db.BargainCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stock, c => c.Stock + 1), ct);
    }
}
