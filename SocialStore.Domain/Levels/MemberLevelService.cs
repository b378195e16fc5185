using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Levels;

/// <summary>Badges, each computed from real rows when a profile is shown.</summary>
public enum Badge
{
    /// <summary>Published at least one note.</summary>
    FirstNote,
    /// <summary>A published note with at least <see cref="MemberLevelService.PopularNoteLikes"/> likes.</summary>
    PopularNote,
    /// <summary>Wrote a visible review (every review is of a delivered purchase).</summary>
    VerifiedReviewer,
    /// <summary>Paid for a seat in a group buy.</summary>
    GroupBuyer,
    /// <summary>Paid for a flash-sale order that was not cancelled unpaid.</summary>
    FlashSaleBuyer,
}

/// <summary>Where a member stands: growth value, level reached, the next one (if any) and their badges.</summary>
public sealed record MemberStanding(int Growth, LevelInput Level, int LevelRank, LevelInput? Next, IReadOnlyList<Badge> Badges);

public sealed record GrowthLedgerRow(long Id, int Amount, GrowthKind Kind, string? OrderNumber, DateTimeOffset CreatedAt);

/// <summary>A member's growth as the back office sees it.</summary>
public sealed record MemberGrowth(string UserId, string Handle, MemberStanding Standing, IReadOnlyList<GrowthLedgerRow> Entries);

/// <summary>
/// Levels and badges for the pages and the back office. The level table is cached in this (singleton) service and
/// reloaded when the back office saves it, so a profile costs one query: the growth sum and the badge checks together.
/// </summary>
public sealed class MemberLevelService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const int PopularNoteLikes = 100;

    private volatile IReadOnlyList<LevelInput>? levels;

    public async Task<IReadOnlyList<LevelInput>> LevelsAsync(CancellationToken ct)
    {
        if (levels is { } cached) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return levels = await LevelRules.ReadAsync(db, ct);
    }

    /// <summary>A member's standing (one database query once the level table is cached); null when there is no such member.</summary>
    public async Task<MemberStanding?> StandingAsync(string userId, CancellationToken ct)
    {
        var table = await LevelsAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StandingAsync(db, table, userId, ct);
    }

    private static async Task<MemberStanding?> StandingAsync(SocialStoreDbContext db, IReadOnlyList<LevelInput> table, string userId, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            Growth = db.GrowthEntries.Where(e => e.UserId == userId).Sum(e => (int?)e.Amount) ?? 0,
            Note = db.Notes.Any(n => n.AuthorId == userId && n.Status == NoteStatus.Published),
            Popular = db.Notes.Any(n => n.AuthorId == userId && n.Status == NoteStatus.Published && n.LikeCount >= PopularNoteLikes),
            Reviewer = db.Reviews.Any(r => r.AuthorId == userId && !r.IsHidden),
            Group = db.GroupBuyMembers.Any(m => m.UserId == userId && m.PaidAt != null),
            Flash = db.FlashSaleReservations.Any(r => r.UserId == userId && r.ReturnedAt == null && db.Orders.Any(o => o.Id == r.OrderId && o.PaidAt != null)),
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var badges = new List<Badge>();
        if (row.Note) badges.Add(Badge.FirstNote);
        if (row.Popular) badges.Add(Badge.PopularNote);
        if (row.Reviewer) badges.Add(Badge.VerifiedReviewer);
        if (row.Group) badges.Add(Badge.GroupBuyer);
        if (row.Flash) badges.Add(Badge.FlashSaleBuyer);
        var growth = Math.Max(0, row.Growth);
        var level = LevelRules.For(table, growth);
        return new MemberStanding(growth, level, IndexOf(table, level), LevelRules.Next(table, growth), badges);
    }

    private static int IndexOf(IReadOnlyList<LevelInput> table, LevelInput level)
    {
        for (var i = 0; i < table.Count; i++)
            if (ReferenceEquals(table[i], level)) return i;
        return 0;
    }

    /// <summary>The level table for the editor (admins only).</summary>
    public async Task<IReadOnlyList<LevelInput>> LevelsForAdminAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, LevelsErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LevelRules.ReadAsync(db, ct);
    }

    /// <summary>Replaces the level table (validated first; nothing changes when it is refused). Levels apply from now on.</summary>
    public async Task SaveLevelsAsync(ClaimsPrincipal actor, IReadOnlyList<LevelInput> input, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, LevelsErrors.AdminOnly);
        var clean = LevelRules.Validate(input);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.MemberLevels.ExecuteDeleteAsync(ct);
                for (var i = 0; i < clean.Count; i++)
                    db.MemberLevels.Add(new MemberLevel { Rank = i, Name = clean[i].Name, Threshold = clean[i].Threshold, PointsRatePercent = clean[i].PointsRatePercent, UpdatedAt = now });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another admin saved at the same moment: theirs stands; reload and save again.
            throw new DomainException(LevelsErrors.Conflict);
        }
        finally
        {
            levels = null;
        }
    }

    /// <summary>A member's growth ledger, found by handle (with or without @); null when there is no such member.</summary>
    public async Task<MemberGrowth?> MemberAsync(ClaimsPrincipal actor, string handle, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, LevelsErrors.AdminOnly);
        handle = (handle ?? "").Trim().TrimStart('@');
        if (handle.Length is 0 or > ApplicationUser.HandleMaxLength) return null;
        var table = await LevelsAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Handle == handle).Select(u => new { u.Id, u.Handle }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var standing = await StandingAsync(db, table, user.Id, ct);
        var entries = await db.GrowthEntries.AsNoTracking().Where(e => e.UserId == user.Id).OrderByDescending(e => e.Id).Take(200)
            .Select(e => new GrowthLedgerRow(e.Id, e.Amount, e.Kind, db.Orders.Where(o => o.Id == e.OrderId).Select(o => o.Number).FirstOrDefault(), e.CreatedAt))
            .ToListAsync(ct);
        return new MemberGrowth(user.Id, user.Handle, standing!, entries);
    }
}
