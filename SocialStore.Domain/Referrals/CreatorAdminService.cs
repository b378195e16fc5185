using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Referrals;

public sealed record CreatorRow(string UserId, string Handle, string DisplayName, bool Enabled, DateTimeOffset ChangedAt, decimal Available, decimal Pending, decimal Frozen);

public sealed record PayoutRow(long Id, string CreatorId, string Handle, decimal Amount, PayoutStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? PaidAt);

public sealed record ProductRateRow(long ProductId, string Title, int RateBasisPoints);

/// <summary>The back office of creators (ADR-042 §5): settings, enablement, product rates, payouts. Admins only; every change is audited.</summary>
public sealed class CreatorAdminService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, CreatorDirectory directory)
{
    public const int MaxRateBasisPoints = 5000;

    public async Task<ReferralSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AttributionService.SettingsAsync(db, cancellationToken);
    }

    /// <exception cref="DomainException">AdminOnly, RateInvalid (0–50 %), DaysInvalid (attribution 1–90, after-sales 7–90).</exception>
    public async Task SaveSettingsAsync(ClaimsPrincipal actor, int rateBasisPoints, int attributionDays, int afterSalesDays, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, ReferralErrors.AdminOnly);
        if (rateBasisPoints is < 0 or > MaxRateBasisPoints) throw new DomainException(ReferralErrors.RateInvalid);
        if (attributionDays is < 1 or > 90 || afterSalesDays is < 7 or > 90) throw new DomainException(ReferralErrors.DaysInvalid);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var row = await db.ReferralSettings.FirstOrDefaultAsync(s => s.Id == ReferralSettings.SingletonId, ct);
            var before = row is null ? "" : Describe(row);
            if (row is null) db.ReferralSettings.Add(row = new ReferralSettings { Id = ReferralSettings.SingletonId });
            (row.CommissionRateBasisPoints, row.AttributionDays, row.AfterSalesDays) = (rateBasisPoints, attributionDays, afterSalesDays);
            Audit(db, adminId, "referral.settings", "settings", "1", before, Describe(row));
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The member levels an admin can pick as "creator from this level" (rank, name, growth threshold), lowest first.</summary>
    public async Task<IReadOnlyList<(int Rank, string Name, int Threshold)>> LevelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var table = await Levels.LevelRules.ReadAsync(db, cancellationToken);
        return table.Select((l, rank) => (rank, l.Name, l.Threshold)).ToList();
    }

    /// <summary>
    /// Sets the member level (rank) from which users are creators without enablement, or null for enablement only
    /// (ADR-066). Audited; the disclosure directory is refreshed.
    /// </summary>
    /// <exception cref="DomainException">AdminOnly, LevelNotFound (no member level of that rank).</exception>
    public async Task SetCreatorLevelAsync(ClaimsPrincipal actor, int? rank, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, ReferralErrors.AdminOnly);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (rank is { } r && (r < 0 || r >= (await Levels.LevelRules.ReadAsync(db, ct)).Count)) throw new DomainException(ReferralErrors.LevelNotFound);
            var row = await db.ReferralSettings.FirstOrDefaultAsync(s => s.Id == ReferralSettings.SingletonId, ct);
            if (row is null) db.ReferralSettings.Add(row = new ReferralSettings { Id = ReferralSettings.SingletonId });
            var before = row.CreatorMinLevelRank?.ToString(CultureInfo.InvariantCulture) ?? "";
            row.CreatorMinLevelRank = rank;
            Audit(db, adminId, "creator.level", "settings", "1", before, rank?.ToString(CultureInfo.InvariantCulture) ?? "");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        directory.Invalidate();
    }

    /// <exception cref="DomainException">AdminOnly, UserNotFound.</exception>
    public async Task SetCreatorAsync(ClaimsPrincipal actor, string handleOrId, bool enabled, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, ReferralErrors.AdminOnly);
        var key = (handleOrId ?? "").Trim().TrimStart('@');
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var userId = await db.Users.Where(u => u.Id == key || u.Handle == key).Select(u => u.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(ReferralErrors.UserNotFound);
            var row = await db.Creators.FirstOrDefaultAsync(c => c.UserId == userId, ct);
            var before = row?.Enabled == true ? "enabled" : "disabled";
            if (row is null) db.Creators.Add(row = new Creator { UserId = userId });
            (row.Enabled, row.ChangedAt, row.ChangedBy) = (enabled, clock.GetUtcNow(), adminId);
            Audit(db, adminId, enabled ? "creator.enable" : "creator.disable", AuditTargets.User, userId, before, enabled ? "enabled" : "disabled");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        directory.Invalidate();
    }

    /// <summary>Sets a product's own rate, or removes it (null) so the global rate applies.</summary>
    /// <exception cref="DomainException">AdminOnly, RateInvalid, ProductNotFound.</exception>
    public async Task SetProductRateAsync(ClaimsPrincipal actor, long productId, int? rateBasisPoints, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, ReferralErrors.AdminOnly);
        if (rateBasisPoints is < 0 or > MaxRateBasisPoints) throw new DomainException(ReferralErrors.RateInvalid);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await db.Products.AnyAsync(p => p.Id == productId, ct)) throw new DomainException(ReferralErrors.ProductNotFound);
            var row = await db.CommissionProductRates.FirstOrDefaultAsync(r => r.ProductId == productId, ct);
            var before = row is null ? "" : row.RateBasisPoints.ToString(CultureInfo.InvariantCulture);
            if (rateBasisPoints is null) { if (row is not null) db.CommissionProductRates.Remove(row); }
            else if (row is null) db.CommissionProductRates.Add(new CommissionProductRate { ProductId = productId, RateBasisPoints = rateBasisPoints.Value });
            else row.RateBasisPoints = rateBasisPoints.Value;
            Audit(db, adminId, "commission.product-rate", "product", productId.ToString(CultureInfo.InvariantCulture), before,
                rateBasisPoints?.ToString(CultureInfo.InvariantCulture) ?? "");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ProductRateRow>> ProductRatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CommissionProductRates.AsNoTracking().OrderBy(r => r.ProductId).Take(500)
            .Join(db.Products, r => r.ProductId, p => p.Id, (r, p) => new ProductRateRow(r.ProductId, p.Title, r.RateBasisPoints))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CreatorRow>> CreatorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var creators = await db.Creators.AsNoTracking()
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c.UserId, u.Handle, u.DisplayName, c.Enabled, c.ChangedAt })
            .OrderByDescending(c => c.ChangedAt).Take(200).ToListAsync(cancellationToken);
        var ids = creators.Select(c => c.UserId).ToList();
        var sums = await db.CommissionEntries.AsNoTracking().Where(e => ids.Contains(e.CreatorId))
            .GroupBy(e => new { e.CreatorId, e.State }).Select(g => new { g.Key.CreatorId, g.Key.State, Sum = g.Sum(e => e.Amount) }).ToListAsync(cancellationToken);
        decimal Of(string id, CommissionState s) => sums.Where(x => x.CreatorId == id && x.State == s).Sum(x => x.Sum);
        return creators.Select(c => new CreatorRow(c.UserId, c.Handle, c.DisplayName, c.Enabled, c.ChangedAt,
            Of(c.UserId, CommissionState.Available), Of(c.UserId, CommissionState.Pending), Of(c.UserId, CommissionState.Frozen))).ToList();
    }

    public async Task<IReadOnlyList<PayoutRow>> PayoutsAsync(bool openOnly, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.PayoutRequests.AsNoTracking().Where(p => !openOnly || p.Status == PayoutStatus.Requested)
            .OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).Take(200);
        var rows = await query.Join(db.Users, p => p.CreatorId, u => u.Id, (p, u) => new PayoutRow(p.Id, p.CreatorId, u.Handle, p.Amount, p.Status, p.RequestedAt, p.PaidAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).ToList();
    }

    /// <summary>Marks a requested payout paid, once (a conditional update); false when it was already paid.</summary>
    /// <exception cref="DomainException">AdminOnly, PayoutNotFound.</exception>
    public async Task<bool> MarkPaidAsync(ClaimsPrincipal actor, long payoutId, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, ReferralErrors.AdminOnly);
        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await db.PayoutRequests.AnyAsync(p => p.Id == payoutId, ct)) throw new DomainException(ReferralErrors.PayoutNotFound);
            var now = clock.GetUtcNow();
            var moved = await db.PayoutRequests.Where(p => p.Id == payoutId && p.Status == PayoutStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PayoutStatus.Paid).SetProperty(p => p.PaidAt, now).SetProperty(p => p.PaidBy, adminId), ct);
            if (moved == 0) return false;
            Audit(db, adminId, "payout.paid", "payout", payoutId.ToString(CultureInfo.InvariantCulture), "requested", "paid");
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    private static string Describe(ReferralSettings s) =>
        string.Create(CultureInfo.InvariantCulture, $"rate={s.CommissionRateBasisPoints}bp;window={s.AttributionDays}d;aftersales={s.AfterSalesDays}d");

    private void Audit(SocialStoreDbContext db, string actorId, string action, string targetType, string targetId, string before, string after) =>
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), ActorId = actorId, Action = action, TargetType = targetType, TargetId = targetId, Before = before, After = after });
}
