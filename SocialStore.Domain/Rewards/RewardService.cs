using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Points;

namespace SocialStore.Domain.Rewards;

/// <summary>What the back office saves: for each share trigger a kind with its campaign or points, and the invite coupons.</summary>
public sealed record RewardSettingsInput(
    RewardKind SignUpKind, long? SignUpTemplateId, int SignUpPoints,
    RewardKind FirstOrderKind, long? FirstOrderTemplateId, int FirstOrderPoints,
    long? InviterTemplateId, long? InviteeTemplateId);

/// <summary>A grant-only coupon campaign that can be chosen as a reward.</summary>
public sealed record RewardCampaign(long Id, string Name, int Issued, int TotalLimit);

/// <summary>One grant in the back office's list.</summary>
public sealed record RewardGrantRow(long Id, RewardTrigger Trigger, string BeneficiaryName, string NewUserName, RewardKind Kind, string? CampaignName, int Points, RewardGrantState State, DateTimeOffset CreatedAt);

/// <summary>A reward that was due but not given (ADR-062): why, until when it is retried (the campaign's end), how often it was retried.</summary>
public sealed record NotGivenRow(
    long Id, RewardTrigger Trigger, string BeneficiaryName, string NewUserName, string? CampaignName, RewardUnavailableReason? Reason,
    DateTimeOffset? RetryUntil, int Retries, DateTimeOffset CreatedAt, DateTimeOffset? LastTriedAt);

/// <summary>Figures per trigger, counted from the grant rows.</summary>
public sealed record RewardFigure(RewardTrigger Trigger, int Granted, int Reversed, int Unavailable, int Points, int Coupons);

/// <summary>Where a reward in "my coupons" / "my points" came from: the trigger and the other person's name.</summary>
public sealed record RewardOrigin(RewardTrigger Trigger, string OtherName, bool Reversal);

/// <summary>The back office of sharer red packets and invite coupons, and the origins shown in the wallets (ADR-054).</summary>
public sealed class RewardService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RewardSettings> SettingsAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RewardGrants.SettingsAsync(db, ct);
    }

    /// <summary>Grant-only campaigns still able to issue (a group red packet's one-off campaigns are given out, so they are not offered).</summary>
    public async Task<IReadOnlyList<RewardCampaign>> CampaignsAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CouponTemplates.AsNoTracking()
            .Where(t => t.GrantOnly && !t.Paused && t.EndsAt > now && t.Issued < t.TotalLimit)
            .OrderByDescending(t => t.Id).Take(100)
            .Select(t => new RewardCampaign(t.Id, t.Name, t.Issued, t.TotalLimit)).ToListAsync(ct);
    }

    /// <summary>Validates and saves the one settings row; bad input changes nothing. New settings apply to grants from now on.</summary>
    public async Task SaveAsync(ClaimsPrincipal actor, RewardSettingsInput input, CancellationToken ct)
    {
        var adminId = Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, input.SignUpKind, input.SignUpTemplateId, input.SignUpPoints, ct);
        await CheckAsync(db, input.FirstOrderKind, input.FirstOrderTemplateId, input.FirstOrderPoints, ct);
        if (input.InviterTemplateId is { } a) await CheckCampaignAsync(db, a, ct);
        if (input.InviteeTemplateId is { } b) await CheckCampaignAsync(db, b, ct);

        var now = clock.GetUtcNow();
        var row = await db.RewardSettings.FirstOrDefaultAsync(s => s.Id == RewardSettings.SingletonId, ct);
        if (row is null) db.RewardSettings.Add(row = new RewardSettings());
        row.SignUpKind = input.SignUpKind;
        row.SignUpTemplateId = input.SignUpKind == RewardKind.Coupon ? input.SignUpTemplateId : null;
        row.SignUpPoints = input.SignUpKind == RewardKind.Points ? input.SignUpPoints : 0;
        row.FirstOrderKind = input.FirstOrderKind;
        row.FirstOrderTemplateId = input.FirstOrderKind == RewardKind.Coupon ? input.FirstOrderTemplateId : null;
        row.FirstOrderPoints = input.FirstOrderKind == RewardKind.Points ? input.FirstOrderPoints : 0;
        row.InviterTemplateId = input.InviterTemplateId;
        row.InviteeTemplateId = input.InviteeTemplateId;
        row.UpdatedAt = now;
        row.UpdatedBy = adminId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckAsync(SocialStoreDbContext db, RewardKind kind, long? templateId, int points, CancellationToken ct)
    {
        switch (kind)
        {
            case RewardKind.Coupon:
                if (templateId is not { } id) throw new DomainException(RewardErrors.CampaignRequired);
                await CheckCampaignAsync(db, id, ct);
                break;
            case RewardKind.Points:
                if (points is < 1 or > RewardSettings.MaxPoints) throw new DomainException(RewardErrors.PointsInvalid, RewardSettings.MaxPoints);
                break;
            case RewardKind.None:
                break;
            default:
                throw new DomainException(RewardErrors.CampaignInvalid);
        }
    }

    private static async Task CheckCampaignAsync(SocialStoreDbContext db, long templateId, CancellationToken ct)
    {
        if (!await db.CouponTemplates.AnyAsync(t => t.Id == templateId && t.GrantOnly, ct)) throw new DomainException(RewardErrors.CampaignInvalid);
    }

    /// <summary>Figures per trigger and the latest grants, all counted from the grant rows.</summary>
    public async Task<(IReadOnlyList<RewardFigure> Figures, IReadOnlyList<RewardGrantRow> Latest)> GrantsAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grouped = await db.RewardGrants.AsNoTracking()
            .GroupBy(g => new { g.Trigger, g.State, g.Kind })
            .Select(g => new { g.Key.Trigger, g.Key.State, g.Key.Kind, Count = g.Count(), Points = g.Sum(x => x.Points) })
            .ToListAsync(ct);
        var figures = Enum.GetValues<RewardTrigger>().Select(t =>
        {
            var rows = grouped.Where(g => g.Trigger == t).ToList();
            return new RewardFigure(t,
                rows.Where(r => r.State is not (RewardGrantState.Unavailable or RewardGrantState.Cancelled)).Sum(r => r.Count),
                rows.Where(r => r.State is RewardGrantState.Reversed or RewardGrantState.Revoked).Sum(r => r.Count),
                rows.Where(r => r.State == RewardGrantState.Unavailable).Sum(r => r.Count),
                rows.Where(r => r.Kind == RewardKind.Points && r.State == RewardGrantState.Granted).Sum(r => r.Points),
                rows.Where(r => r.Kind == RewardKind.Coupon && r.State is RewardGrantState.Granted or RewardGrantState.Kept).Sum(r => r.Count));
        }).ToList();
        var latest = await db.RewardGrants.AsNoTracking().OrderByDescending(g => g.Id).Take(50)
            .Select(g => new RewardGrantRow(
                g.Id, g.Trigger,
                db.Users.Where(u => u.Id == g.BeneficiaryId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == g.NewUserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault() ?? "",
                g.Kind,
                db.CouponTemplates.Where(t => t.Id == g.CouponTemplateId).Select(t => t.Name).FirstOrDefault(),
                g.Points, g.State, g.CreatedAt))
            .ToListAsync(ct);
        return (figures, latest);
    }

    /// <summary>Every reward due but not given (state Unavailable), oldest first, with its reason (ADR-062).</summary>
    public async Task<IReadOnlyList<NotGivenRow>> NotGivenAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RewardGrants.AsNoTracking().Where(g => g.State == RewardGrantState.Unavailable).OrderBy(g => g.Id).Take(200)
            .Select(g => new NotGivenRow(
                g.Id, g.Trigger,
                db.Users.Where(u => u.Id == g.BeneficiaryId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == g.NewUserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault() ?? "",
                db.CouponTemplates.Where(t => t.Id == g.CouponTemplateId).Select(t => t.Name).FirstOrDefault(),
                g.UnavailableReason,
                db.CouponTemplates.Where(t => t.Id == g.CouponTemplateId).Select(t => (DateTimeOffset?)t.EndsAt).FirstOrDefault(),
                g.Retries, g.CreatedAt, g.LastTriedAt))
            .ToListAsync(ct);
    }

    /// <summary>Retries the unavailable rewards now (the worker does it every minute); returns how many were given.</summary>
    public async Task<int> RetryNowAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RewardErrors.AdminOnly);
        return await RewardGrants.RetryUnavailableAsync(dbFactory, clock.GetUtcNow(), ct);
    }

    /// <summary>The names of the coupon campaigns an invite gives the inviter and the invitee (null: points only).</summary>
    public async Task<(string? ForInviter, string? ForInvitee)> InviteCouponsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RewardSettings.AsNoTracking().Where(s => s.Id == RewardSettings.SingletonId)
            .Select(s => new
            {
                Inviter = db.CouponTemplates.Where(t => t.Id == s.InviterTemplateId).Select(t => t.Name).FirstOrDefault(),
                Invitee = db.CouponTemplates.Where(t => t.Id == s.InviteeTemplateId).Select(t => t.Name).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        return (row?.Inviter, row?.Invitee);
    }

    /// <summary>Where each of a person's reward coupons came from (one query; coupons that are no reward are absent).</summary>
    public async Task<IReadOnlyDictionary<long, RewardOrigin>> CouponOriginsAsync(string userId, IReadOnlyCollection<long> couponIds, CancellationToken ct)
    {
        if (couponIds.Count == 0) return new Dictionary<long, RewardOrigin>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await OriginsQuery(db, db.RewardGrants.Where(g => g.BeneficiaryId == userId && g.CouponId != null && couponIds.Contains(g.CouponId.Value)))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.CouponId!.Value, r => new RewardOrigin(r.Trigger, r.OtherName ?? "", false));
    }

    /// <summary>Where each of a person's sharer-reward points entries came from, keyed by ledger entry id.</summary>
    public async Task<IReadOnlyDictionary<long, RewardOrigin>> PointsOriginsAsync(string userId, IReadOnlyCollection<long> entryIds, CancellationToken ct)
    {
        if (entryIds.Count == 0) return new Dictionary<long, RewardOrigin>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.PointsEntries.AsNoTracking()
            .Where(e => e.UserId == userId && entryIds.Contains(e.Id) && (e.Kind == PointsKind.ShareReward || e.Kind == PointsKind.ShareRewardReversed))
            .Select(e => new { e.Id, e.SourceKey, e.Kind }).ToListAsync(ct);
        if (entries.Count == 0) return new Dictionary<long, RewardOrigin>();
        var byGrant = entries.Select(e => (e.Id, e.Kind, GrantId: long.TryParse(e.SourceKey[(e.SourceKey.IndexOf(':') + 1)..], out var g) ? g : 0)).ToList();
        var grantIds = byGrant.Select(e => e.GrantId).Distinct().ToList();
        var grants = await OriginsQuery(db, db.RewardGrants.Where(g => g.BeneficiaryId == userId && grantIds.Contains(g.Id))).ToListAsync(ct);
        var result = new Dictionary<long, RewardOrigin>();
        foreach (var (id, kind, grantId) in byGrant)
            if (grants.FirstOrDefault(g => g.Id == grantId) is { } g)
                result[id] = new RewardOrigin(g.Trigger, g.OtherName ?? "", kind == PointsKind.ShareRewardReversed);
        return result;
    }

    private sealed record OriginRow(long Id, long? CouponId, RewardTrigger Trigger, string? OtherName);

    // The other person: the new person for a sharer or an inviter; the inviter for an invitee's own coupon.
    private static IQueryable<OriginRow> OriginsQuery(SocialStoreDbContext db, IQueryable<RewardGrant> grants) =>
        grants.Select(g => new OriginRow(g.Id, g.CouponId, g.Trigger,
            g.Trigger == RewardTrigger.InviteInvitee
                ? db.InviteBindings.Where(b => b.InviteeId == g.NewUserId).Join(db.Users, b => b.InviterId, u => u.Id, (b, u) => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault()
                : db.Users.Where(u => u.Id == g.NewUserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Handle).FirstOrDefault()));
}
