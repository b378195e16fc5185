using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Coupons;

/// <summary>A new coupon campaign as the back office enters it.</summary>
public sealed record CouponTemplateInput(
    string Name, CouponKind Kind, decimal Threshold, decimal Amount, int PercentOff, decimal Cap, CouponScope Scope, int? CategoryId,
    IReadOnlyCollection<long> ProductIds, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? ValidDays, int TotalLimit, int PerUserLimit, bool GrantOnly = false,
    int? MinLevelRank = null);

/// <summary>A campaign as the claim panels show it, with what the viewer already holds.</summary>
public sealed record ClaimableCoupon(
    long TemplateId, string Name, CouponKind Kind, decimal Threshold, decimal Amount, int PercentOff, decimal Cap, CouponScope Scope,
    DateTimeOffset EndsAt, int? ValidDays, int Remaining, int PerUserLimit, int Held, int? MinLevelRank = null)
{
    public bool CanClaim => Remaining > 0 && Held < PerUserLimit;
}

/// <summary>A coupon of the wallet as "my coupons" shows it.</summary>
public sealed record WalletCoupon(
    long Id, string Name, CouponKind Kind, decimal Threshold, decimal Amount, int PercentOff, decimal Cap, CouponScope Scope, string? CategoryName,
    int ProductCount, CouponSource Source, CouponState State, DateTimeOffset ClaimedAt, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    string? OrderNumber, decimal? Discount);

public sealed record MyCoupons(IReadOnlyList<WalletCoupon> Usable, IReadOnlyList<WalletCoupon> Used, IReadOnlyList<WalletCoupon> Expired);

/// <summary>A campaign with its real figures: coupons claimed, used (on paid orders), and the discount they cost.</summary>
public sealed record CouponTemplateFigures(
    long Id, string Name, CouponKind Kind, decimal Threshold, decimal Amount, int PercentOff, decimal Cap, CouponScope Scope,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? ValidDays, int TotalLimit, int PerUserLimit, bool Paused,
    int Claimed, int Locked, int Used, decimal Cost, int? MinLevelRank = null);

public sealed record ClaimResult(long CouponId, DateTimeOffset ValidUntil);

/// <summary>
/// Coupon campaigns and claiming. A claim is one transaction: the issued count goes up by one conditional update
/// (<c>WHERE Issued &lt; TotalLimit</c>) whose affected-row count decides, then the wallet row is inserted with the
/// person's next claim number, which a unique index keeps within the per-person limit even under parallel clicks.
/// </summary>
public sealed class CouponService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public async Task<long> CreateAsync(ClaimsPrincipal actor, CouponTemplateInput input, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, CouponErrors.AdminOnly);
        var name = UserText.Line(input.Name);
        if (name.Length is 0 or > CouponTemplate.NameMaxLength) throw new DomainException(CouponErrors.NameInvalid, CouponTemplate.NameMaxLength);
        if (!Fen(input.Threshold) || input.Threshold < 0 || input.Threshold > 1_000_000m) throw new DomainException(CouponErrors.ThresholdInvalid);
        switch (input.Kind)
        {
            case CouponKind.PercentOff:
                if (input.PercentOff is < 1 or > 99) throw new DomainException(CouponErrors.PercentInvalid);
                if (!Fen(input.Cap) || input.Cap <= 0 || input.Cap > 100_000m) throw new DomainException(CouponErrors.CapInvalid);
                break;
            case CouponKind.SpendAndSave:
                if (!Fen(input.Amount) || input.Amount <= 0 || input.Amount > 100_000m) throw new DomainException(CouponErrors.AmountInvalid);
                // 满减 means spending at least what is saved; a threshold below the amount is a no-threshold coupon in disguise.
                if (input.Threshold < input.Amount) throw new DomainException(CouponErrors.ThresholdInvalid);
                break;
            default:
                if (!Fen(input.Amount) || input.Amount <= 0 || input.Amount > 100_000m) throw new DomainException(CouponErrors.AmountInvalid);
                break;
        }
        if (input.EndsAt <= input.StartsAt) throw new DomainException(CouponErrors.WindowInvalid);
        if (input.ValidDays is { } days && days is < 1 or > CouponTemplate.MaxValidDays) throw new DomainException(CouponErrors.ValidDaysInvalid, CouponTemplate.MaxValidDays);
        if (input.TotalLimit is < 1 or > CouponTemplate.MaxTotal || input.PerUserLimit is < 1 or > CouponTemplate.MaxPerUser)
            throw new DomainException(CouponErrors.LimitInvalid, CouponTemplate.MaxPerUser);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Rank 0 is the first level, which every member has: no requirement. Above it, a level the table has now.
        var minLevel = input.MinLevelRank is > 0 ? input.MinLevelRank : null;
        if (input.MinLevelRank is < 0 || (minLevel is { } rank && rank >= (await Levels.LevelRules.ReadAsync(db, ct)).Count))
            throw new DomainException(CouponErrors.LevelInvalid);
        var products = input.ProductIds?.Distinct().ToList() ?? [];
        if (input.Scope == CouponScope.Category && (input.CategoryId is not { } categoryId || !await db.Categories.AnyAsync(c => c.Id == categoryId, ct)))
            throw new DomainException(CouponErrors.CategoryInvalid);
        if (input.Scope == CouponScope.Products
            && (products.Count is 0 or > CouponTemplate.MaxProducts || await db.Products.CountAsync(p => products.Contains(p.Id), ct) != products.Count))
            throw new DomainException(CouponErrors.ProductsInvalid, CouponTemplate.MaxProducts);

        var template = new CouponTemplate
        {
            Name = name,
            Kind = input.Kind,
            Threshold = input.Kind == CouponKind.NoThreshold ? 0m : input.Threshold,
            Amount = input.Kind == CouponKind.PercentOff ? 0m : input.Amount,
            PercentOff = input.Kind == CouponKind.PercentOff ? input.PercentOff : 0,
            Cap = input.Kind == CouponKind.PercentOff ? input.Cap : 0m,
            Scope = input.Scope,
            CategoryId = input.Scope == CouponScope.Category ? input.CategoryId : null,
            Products = input.Scope == CouponScope.Products ? [.. products.Select(p => new CouponTemplateProduct { ProductId = p })] : [],
            StartsAt = input.StartsAt,
            EndsAt = input.EndsAt,
            ValidDays = input.ValidDays,
            TotalLimit = input.TotalLimit,
            PerUserLimit = input.PerUserLimit,
            GrantOnly = input.GrantOnly,
            MinLevelRank = minLevel,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CouponTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        claimableSince = null;
        return template.Id;
    }

    public async Task<bool> SetPausedAsync(ClaimsPrincipal actor, long templateId, bool paused, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, CouponErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.CouponTemplates.Where(t => t.Id == templateId && t.Paused != paused).ExecuteUpdateAsync(s => s.SetProperty(t => t.Paused, paused), ct) == 1;
        claimableSince = null;
        return changed;
    }

    // Whether any campaign is claimable at all, kept for 30 s and forgotten at once when this process creates or
    // pauses one: when none is (most of the time on most shops), product pages spend no round trip on coupons.
    private static readonly TimeSpan ClaimableMaxAge = TimeSpan.FromSeconds(30);
    private volatile StrongBox<(bool Any, DateTimeOffset At)>? claimableSince;

    private async Task<bool> AnyClaimableAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (claimableSince is { } known && now >= known.Value.At && now - known.Value.At <= ClaimableMaxAge) return known.Value.Any;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var any = await db.CouponTemplates.AnyAsync(t => !t.Paused && !t.GrantOnly && t.EndsAt > now, ct);
        claimableSince = new StrongBox<(bool, DateTimeOffset)>((any, now));
        return any;
    }

    /// <summary>Claims one coupon of a campaign for a person (from a page, or granted by a campaign).</summary>
    public Task<ClaimResult> ClaimAsync(string userId, long templateId, CouponSource source, CancellationToken ct) =>
        ClaimCoreAsync(userId, templateId, source, allowGrantOnly: source == CouponSource.Campaign, ct);

    private async Task<ClaimResult> ClaimCoreAsync(string userId, long templateId, CouponSource source, bool allowGrantOnly, CancellationToken ct)
    {
        try
        {
            return await DbTransactions.RunAsync(dbFactory, async (db, token) =>
            {
                var now = clock.GetUtcNow();
                var template = await db.CouponTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, token);
                if (template is null || (template.GrantOnly && !allowGrantOnly)) throw new DomainException(CouponErrors.NotFound);
                if (template.Paused) throw new DomainException(CouponErrors.Paused);
                if (now < template.StartsAt) throw new DomainException(CouponErrors.NotStarted);
                if (now >= template.EndsAt) throw new DomainException(CouponErrors.Ended);
                // Member-only: checked in the claim's transaction, before the issued count is taken, so a refused claim changes nothing.
                if (template.MinLevelRank is { } rank && !await Levels.LevelRules.ReachedAsync(db, userId, rank, token))
                    throw new DomainException(CouponErrors.LevelRequired);

                var coupon = await IssueAsync(db, template, userId, source, now, template.PerUserLimit, token)
                    ?? throw new DomainException(CouponErrors.SoldOut);
                return new ClaimResult(coupon.Id, coupon.ValidUntil);
            }, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A parallel click of the same person took this claim number; the rollback returned our issued count.
            throw new DomainException(CouponErrors.LimitReached, await PerUserLimitAsync(templateId, ct));
        }
    }

    /// <summary>
    /// Writes one coupon of <paramref name="template"/> for the user in the caller's transaction — the one place a coupon
    /// is issued from a campaign. The campaign's total is taken with one conditional update (of 100 parallel claims on
    /// the last 10, 10 get a row); null when it is given out. The template row is then locked until commit, so the count
    /// of the user's coupons sees every earlier one of this campaign (the unique (template, user, seq) index is the
    /// backstop where it does not, e.g. SQL Server snapshot); <paramref name="perUserLimit"/> (null: none, as for
    /// rewards) refuses with <see cref="CouponErrors.LimitReached"/>. The caller checks the campaign's window and pause.
    /// </summary>
    public static async Task<Coupon?> IssueAsync(SocialStoreDbContext db, CouponTemplate template, string userId, CouponSource source,
        DateTimeOffset now, int? perUserLimit, CancellationToken ct)
    {
        var taken = await db.CouponTemplates
            .Where(t => t.Id == template.Id && !t.Paused && t.Issued < t.TotalLimit)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Issued, t => t.Issued + 1), ct);
        if (taken == 0) return null;

        var held = await db.Coupons.CountAsync(c => c.TemplateId == template.Id && c.UserId == userId, ct);
        if (held >= perUserLimit) throw new DomainException(CouponErrors.LimitReached, perUserLimit);
        var (from, until) = CouponRules.Validity(template, now);
        var coupon = new Coupon
        {
            TemplateId = template.Id,
            UserId = userId,
            ClaimSeq = held + 1,
            Source = source,
            State = CouponState.Available,
            ClaimedAt = now,
            ValidFrom = from,
            ValidUntil = until,
        };
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync(ct);
        return coupon;
    }

    private async Task<int> PerUserLimitAsync(long templateId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CouponTemplates.Where(t => t.Id == templateId).Select(t => t.PerUserLimit).FirstOrDefaultAsync(ct);
    }

    /// <summary>Campaigns open for claiming now (for one product: those that cover it), with what the viewer holds.</summary>
    public async Task<IReadOnlyList<ClaimableCoupon>> ClaimableAsync(string? userId, long? productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        if (!await AnyClaimableAsync(now, ct)) return [];
        var query = db.CouponTemplates.AsNoTracking().Where(t => !t.Paused && !t.GrantOnly && t.StartsAt <= now && t.EndsAt > now);
        if (productId is { } pid)
        {
            // One round trip: the product's category (and its parent) are looked up inside the query.
            query = query.Where(t => db.Products.Any(p => p.Id == pid) && (t.Scope == CouponScope.AllProducts
                || (t.Scope == CouponScope.Category && db.Products.Any(p => p.Id == pid
                    && (p.CategoryId == t.CategoryId || db.Categories.Any(c => c.Id == p.CategoryId && c.ParentId == t.CategoryId))))
                || (t.Scope == CouponScope.Products && t.Products.Any(p => p.ProductId == pid))));
        }
        var rows = await query.OrderByDescending(t => t.Amount + t.Cap).ThenBy(t => t.Id).Take(50)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Kind,
                t.Threshold,
                t.Amount,
                t.PercentOff,
                t.Cap,
                t.Scope,
                t.EndsAt,
                t.ValidDays,
                Remaining = t.TotalLimit - t.Issued,
                t.PerUserLimit,
                t.MinLevelRank,
                Held = userId == null ? 0 : db.Coupons.Count(c => c.TemplateId == t.Id && c.UserId == userId),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new ClaimableCoupon(r.Id, r.Name, r.Kind, r.Threshold, r.Amount, r.PercentOff, r.Cap, r.Scope, r.EndsAt, r.ValidDays, Math.Max(0, r.Remaining), r.PerUserLimit, r.Held, r.MinLevelRank))];
    }

    /// <summary>"My coupons": usable (available or held by an unpaid order), used, expired.</summary>
    public async Task<MyCoupons> MineAsync(string userId, bool chinese, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await db.Coupons.AsNoTracking().Where(c => c.UserId == userId)
            .OrderBy(c => c.ValidUntil).ThenBy(c => c.Id).Take(500)
            .Select(c => new WalletCoupon(
                c.Id, c.Template!.Name, c.Template.Kind, c.Template.Threshold, c.Template.Amount, c.Template.PercentOff, c.Template.Cap, c.Template.Scope,
                db.Categories.Where(k => k.Id == c.Template.CategoryId).Select(k => chinese ? k.NameZh : k.NameEn).FirstOrDefault(),
                c.Template.Products.Count, c.Source, c.State, c.ClaimedAt, c.ValidFrom, c.ValidUntil,
                db.Orders.Where(o => o.Id == c.OrderId).Select(o => o.Number).FirstOrDefault(), c.Discount))
            .ToListAsync(ct);
        return new MyCoupons(
            [.. rows.Where(c => c.State == CouponState.Locked || (c.State == CouponState.Available && c.ValidUntil > now))],
            [.. rows.Where(c => c.State == CouponState.Used).OrderByDescending(c => c.Id)],
            [.. rows.Where(c => (c.State == CouponState.Available && c.ValidUntil <= now) || c.State == CouponState.Revoked).OrderByDescending(c => c.ValidUntil)]);
    }

    /// <summary>Every campaign with its figures, counted from the wallet rows.</summary>
    public async Task<IReadOnlyList<CouponTemplateFigures>> FiguresAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, CouponErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CouponTemplates.AsNoTracking().OrderByDescending(t => t.Id).Take(200)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Kind,
                t.Threshold,
                t.Amount,
                t.PercentOff,
                t.Cap,
                t.Scope,
                t.StartsAt,
                t.EndsAt,
                t.ValidDays,
                t.TotalLimit,
                t.PerUserLimit,
                t.Paused,
                t.MinLevelRank,
                Claimed = db.Coupons.Count(c => c.TemplateId == t.Id),
                Locked = db.Coupons.Count(c => c.TemplateId == t.Id && c.State == CouponState.Locked),
                Used = db.Coupons.Count(c => c.TemplateId == t.Id && c.State == CouponState.Used),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Summed in memory: SQLite stores money as fen (ADR-014) and cannot SUM a converted column.
        var costs = (await db.Coupons.Where(c => ids.Contains(c.TemplateId) && c.State == CouponState.Used).Select(c => new { c.TemplateId, c.Discount }).ToListAsync(ct))
            .GroupBy(c => c.TemplateId).ToDictionary(g => g.Key, g => g.Sum(c => c.Discount ?? 0m));
        return [.. rows.Select(r => new CouponTemplateFigures(r.Id, r.Name, r.Kind, r.Threshold, r.Amount, r.PercentOff, r.Cap, r.Scope, r.StartsAt, r.EndsAt, r.ValidDays,
            r.TotalLimit, r.PerUserLimit, r.Paused, r.Claimed, r.Locked, r.Used, costs.GetValueOrDefault(r.Id), r.MinLevelRank))];
    }

    /// <summary>The buyer's coupons against these lines, for the checkout's coupon choice.</summary>
    public async Task<IReadOnlyList<CouponOption>> OptionsAsync(string buyerId, IReadOnlyList<Ordering.PricingLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CouponCheckout.OptionsAsync(db, buyerId, lines, clock.GetUtcNow(), ct);
    }

    private static bool Fen(decimal value) => decimal.Round(value, 2) == value;
}
