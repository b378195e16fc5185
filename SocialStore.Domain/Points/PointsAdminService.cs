using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Points;

/// <summary>The rules as the back office edits them.</summary>
public sealed record PointsRulesInput(
    int EarnPerYuan, int PointsPerYuan, int MaxSharePercent, int ExpiryMonths, int CheckInPoints, int StreakBonusPerDay, int StreakBonusMax, int ReviewWithPhotosPoints);

/// <summary>A member's points as the back office sees them: balance, ledger sum (always equal), the latest entries.</summary>
public sealed record MemberPoints(string UserId, string Handle, string DisplayName, int Balance, int LedgerSum, int CheckIns, IReadOnlyList<PointsLedgerRow> Entries);

/// <summary>The back office of points: the rules (admins only) and a member's ledger.</summary>
public sealed class PointsAdminService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PointsRules> RulesAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, PointsErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PointsRulesStore.ReadAsync(db, ct);
    }

    /// <summary>Saves the rules; they apply to what is earned, spent and checked in from now on (entries already written keep their amounts and expiry).</summary>
    public async Task SaveRulesAsync(ClaimsPrincipal actor, PointsRulesInput input, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, PointsErrors.AdminOnly);
        // A point must be a whole number of fen, so the rate divides 100.
        if (input.PointsPerYuan is < 1 or > 100 || 100 % input.PointsPerYuan != 0
            || input.EarnPerYuan is < 0 or > 100 || input.MaxSharePercent is < 0 or > 100 || input.ExpiryMonths is < 1 or > 120
            || input.CheckInPoints is < 0 or > 1000 || input.StreakBonusPerDay is < 0 or > 1000 || input.StreakBonusMax is < 0 or > 10_000
            || input.ReviewWithPhotosPoints is < 0 or > 10_000)
            throw new DomainException(PointsErrors.RulesInvalid);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.PointsRules.FirstOrDefaultAsync(r => r.Id == PointsRules.SingletonId, ct);
        if (rules is null)
        {
            rules = new PointsRules();
            db.PointsRules.Add(rules);
        }
        rules.EarnPerYuan = input.EarnPerYuan;
        rules.PointsPerYuan = input.PointsPerYuan;
        rules.MaxSharePercent = input.MaxSharePercent;
        rules.ExpiryMonths = input.ExpiryMonths;
        rules.CheckInPoints = input.CheckInPoints;
        rules.StreakBonusPerDay = input.StreakBonusPerDay;
        rules.StreakBonusMax = input.StreakBonusMax;
        rules.ReviewWithPhotosPoints = input.ReviewWithPhotosPoints;
        rules.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two admins saved the first time at once: the other one's rules stand; save again to overwrite them.
            throw new DomainException(PointsErrors.RulesInvalid);
        }
    }

    /// <summary>A member's ledger, found by handle (with or without @); null when there is no such member.</summary>
    public async Task<MemberPoints?> MemberAsync(ClaimsPrincipal actor, string handle, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, PointsErrors.AdminOnly);
        handle = (handle ?? "").Trim().TrimStart('@');
        if (handle.Length is 0 or > ApplicationUser.HandleMaxLength) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Handle == handle).Select(u => new { u.Id, u.Handle, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.UserId == user.Id).OrderByDescending(e => e.Id).Take(200)
            .Select(e => new PointsLedgerRow(e.Id, e.Amount, e.Kind, db.Orders.Where(o => o.Id == e.OrderId).Select(o => o.Number).FirstOrDefault(), e.CreatedAt, e.ExpiresAt))
            .ToListAsync(ct);
        var sum = await db.PointsEntries.Where(e => e.UserId == user.Id).SumAsync(e => (int?)e.Amount, ct) ?? 0;
        var checkIns = await db.PointsCheckIns.CountAsync(c => c.UserId == user.Id, ct);
        return new MemberPoints(user.Id, user.Handle, user.DisplayName, await PointsLedger.BalanceAsync(db, user.Id, ct), sum, checkIns, entries);
    }
}
