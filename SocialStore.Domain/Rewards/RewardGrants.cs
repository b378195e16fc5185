using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Domain.Referrals;

namespace SocialStore.Domain.Rewards;

/// <summary>
/// Sharer red packets and invite coupons (ADR-054), granted inside the transaction of what sets them off: the sign-up
/// carry-over of a browser's touches, the first move of a person's order to Paid (<see cref="OrderHooks"/>), the
/// release of an invite reward. The grant row is inserted first under UNIQUE(new person, trigger); only the insert
/// that wins gives the coupon or the points, so a trigger fired twice in parallel grants once.
/// </summary>
public static class RewardGrants
{
    /// <summary>The settings row, or the defaults (nothing granted) when none was saved.</summary>
    public static async Task<RewardSettings> SettingsAsync(SocialStoreDbContext db, CancellationToken ct) =>
        await db.RewardSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == RewardSettings.SingletonId, ct) ?? new RewardSettings();

    /// <summary>
    /// The sharer who brought a person: the last share link they followed before their account existed (first touch of
    /// the day at or before the sign-up, within the attribution window). Null when the person existed before every
    /// share visit, or only followed their own links.
    /// </summary>
    public static async Task<(string SharerId, long ShareLinkId)?> SharerOfAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var created = await db.Users.Where(u => u.Id == userId).Select(u => (DateTimeOffset?)u.CreatedAt).FirstOrDefaultAsync(ct);
        if (created is not { } createdAt) return null;
        var days = (await AttributionService.SettingsAsync(db, ct)).AttributionDays;
        var since = createdAt.AddDays(-days);
        var touch = await db.AttributionTouches.AsNoTracking()
            .Where(t => t.UserId == userId && t.ShareLinkId != null && t.EarnerId != userId && t.FirstTouchedAt <= createdAt && t.FirstTouchedAt >= since)
            .OrderByDescending(t => t.FirstTouchedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.EarnerId, t.ShareLinkId })
            .FirstOrDefaultAsync(ct);
        return touch is null ? null : (touch.EarnerId, touch.ShareLinkId!.Value);
    }

    /// <summary>Called once a browser's touches became a new account's (<see cref="AttributionService.CarryOverAsync"/>): the sign-up red packet.</summary>
    public static Task<bool> OnSignUpCarriedOverAsync(IDbContextFactory<SocialStoreDbContext> dbFactory, string userId, DateTimeOffset now, CancellationToken ct) =>
        DbTransactions.RunAsync(dbFactory, (db, token) => GrantShareAsync(db, userId, RewardTrigger.ShareSignUp, null, now, token), ct);

    /// <summary>
    /// The one line in <see cref="OrderHooks.OnMovedAsync"/>: a person's first order to be paid gives their sharer the
    /// first-order red packet; a full refund of that order (→ Cancelled) takes points back and revokes an unused coupon.
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to == OrderStatus.Paid)
        {
            var settings = await SettingsAsync(db, ct);
            if (!Configured(settings.FirstOrderKind, settings.FirstOrderTemplateId, settings.FirstOrderPoints)) return;
            var buyerId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.BuyerId).SingleAsync(ct);
            if (await db.Orders.AnyAsync(o => o.BuyerId == buyerId && o.Id != orderId && o.PaidAt != null, ct)) return;
            await GrantShareAsync(db, buyerId, RewardTrigger.ShareFirstOrder, orderId, now, ct, settings);
        }
        else if (to == OrderStatus.Cancelled)
        {
            var grants = await db.RewardGrants.AsNoTracking()
                .Where(g => g.OrderId == orderId && g.Trigger == RewardTrigger.ShareFirstOrder && g.State == RewardGrantState.Granted)
                .ToListAsync(ct);
            foreach (var grant in grants) await ReverseAsync(db, grant, now, ct);
            // Not given yet and now nothing to reward: never retried.
            await CancelUnavailableAsync(db.RewardGrants.Where(g => g.OrderId == orderId && g.Trigger == RewardTrigger.ShareFirstOrder), now, ct);
        }
    }

    /// <summary>Called where an invite reward is credited (ADR-046): the configured coupons for the inviter and the invitee, in the same transaction.</summary>
    public static async Task OnInviteCreditedAsync(SocialStoreDbContext db, string inviterId, string inviteeId, long orderId, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, ct);
        if (settings.InviterTemplateId is { } forInviter)
            await GrantAsync(db, RewardTrigger.InviteInviter, inviterId, inviteeId, RewardKind.Coupon, forInviter, 0, null, orderId, now, ct);
        if (settings.InviteeTemplateId is { } forInvitee)
            await GrantAsync(db, RewardTrigger.InviteInvitee, inviteeId, inviteeId, RewardKind.Coupon, forInvitee, 0, null, orderId, now, ct);
    }

    /// <summary>Called where an invite reward is reversed: an unused coupon is revoked, a used (or held) one stays.</summary>
    public static async Task OnInviteReversedAsync(SocialStoreDbContext db, string inviteeId, DateTimeOffset now, CancellationToken ct)
    {
        var grants = await db.RewardGrants.AsNoTracking()
            .Where(g => g.NewUserId == inviteeId && (g.Trigger == RewardTrigger.InviteInviter || g.Trigger == RewardTrigger.InviteInvitee) && g.State == RewardGrantState.Granted)
            .ToListAsync(ct);
        foreach (var grant in grants) await ReverseAsync(db, grant, now, ct);
        await CancelUnavailableAsync(
            db.RewardGrants.Where(g => g.NewUserId == inviteeId && (g.Trigger == RewardTrigger.InviteInviter || g.Trigger == RewardTrigger.InviteInvitee)), now, ct);
    }

    private static Task<int> CancelUnavailableAsync(IQueryable<RewardGrant> grants, DateTimeOffset now, CancellationToken ct) =>
        grants.Where(g => g.State == RewardGrantState.Unavailable)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, RewardGrantState.Cancelled).SetProperty(g => g.SettledAt, now), ct);

    private static bool Configured(RewardKind kind, long? templateId, int points) =>
        kind switch
        {
            RewardKind.Coupon => templateId is not null,
            RewardKind.Points => points > 0,
            _ => false,
        };

    private static async Task<bool> GrantShareAsync(
        SocialStoreDbContext db, string newUserId, RewardTrigger trigger, long? orderId, DateTimeOffset now, CancellationToken ct, RewardSettings? known = null)
    {
        var settings = known ?? await SettingsAsync(db, ct);
        var (kind, templateId, points) = trigger == RewardTrigger.ShareSignUp
            ? (settings.SignUpKind, settings.SignUpTemplateId, settings.SignUpPoints)
            : (settings.FirstOrderKind, settings.FirstOrderTemplateId, settings.FirstOrderPoints);
        if (!Configured(kind, templateId, points)) return false;
        if (await SharerOfAsync(db, newUserId, ct) is not { } sharer || sharer.SharerId == newUserId) return false;
        return await GrantAsync(db, trigger, sharer.SharerId, newUserId, kind, templateId, points, sharer.ShareLinkId, orderId, now, ct);
    }

    private static async Task<bool> GrantAsync(
        SocialStoreDbContext db, RewardTrigger trigger, string beneficiaryId, string newUserId, RewardKind kind, long? templateId, int points,
        long? shareLinkId, long? orderId, DateTimeOffset now, CancellationToken ct)
    {
        var grant = new RewardGrant
        {
            Trigger = trigger,
            BeneficiaryId = beneficiaryId,
            NewUserId = newUserId,
            Kind = kind,
            CouponTemplateId = kind == RewardKind.Coupon ? templateId : null,
            Points = kind == RewardKind.Points ? points : 0,
            ShareLinkId = shareLinkId,
            OrderId = orderId,
            State = RewardGrantState.Granted,
            CreatedAt = now,
        };
        // The row is the guard: a second attempt for the same person and trigger inserts nothing and gives nothing.
        if (!await UniqueInsert.TryInsertAsync(db, grant, ct)) return false;
        db.Entry(grant).State = EntityState.Detached;

        if (kind == RewardKind.Points)
        {
            await PointsLedger.CreditAsync(db, beneficiaryId, points, PointsKind.ShareReward, PointsSource(grant.Id), now, ct, orderId);
            return true;
        }
        return await GiveCouponAsync(db, grant.Id, beneficiaryId, templateId!.Value, SourceOf(trigger), now, ct);
    }

    private static CouponSource SourceOf(RewardTrigger trigger) =>
        trigger is RewardTrigger.ShareSignUp or RewardTrigger.ShareFirstOrder ? CouponSource.ShareReward : CouponSource.InviteReward;

    /// <summary>
    /// Issues the grant's coupon, or records why it could not (ADR-062): paused, not started, ended or given out. The row
    /// stays Unavailable with its reason, visible on /admin/rewards, and <see cref="RetryUnavailableAsync"/> gives it
    /// when the campaign can issue again within its window.
    /// </summary>
    private static async Task<bool> GiveCouponAsync(SocialStoreDbContext db, long grantId, string beneficiaryId, long templateId, CouponSource source, DateTimeOffset now, CancellationToken ct)
    {
        var (couponId, reason) = await TryGrantCouponAsync(db, beneficiaryId, templateId, source, now, ct);
        if (couponId is null)
        {
            await db.RewardGrants.Where(g => g.Id == grantId).ExecuteUpdateAsync(s => s
                .SetProperty(g => g.State, RewardGrantState.Unavailable)
                .SetProperty(g => g.UnavailableReason, reason)
                .SetProperty(g => g.LastTriedAt, now)
                .SetProperty(g => g.SettledAt, now), ct);
            return false;
        }
        await db.RewardGrants.Where(g => g.Id == grantId).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.State, RewardGrantState.Granted)
            .SetProperty(g => g.CouponId, couponId)
            .SetProperty(g => g.UnavailableReason, (RewardUnavailableReason?)null)
            .SetProperty(g => g.SettledAt, (DateTimeOffset?)null), ct);
        return true;
    }

    public const int RetryBatch = 100;

    /// <summary>
    /// Gives the coupons of unavailable grants whose campaign can issue again (resumed, started, its total raised or
    /// freed), oldest first, each in its own transaction claimed by a conditional update (Unavailable → Granted), so
    /// two nodes or two sweeps give each at most once. Grants whose campaign ended are marked Ended and left (final).
    /// Returns the number given.
    /// </summary>
    public static async Task<int> RetryUnavailableAsync(IDbContextFactory<SocialStoreDbContext> dbFactory, DateTimeOffset now, CancellationToken ct)
    {
        List<(long Id, string BeneficiaryId, long TemplateId, RewardTrigger Trigger)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ended = db.RewardGrants.Where(g => g.State == RewardGrantState.Unavailable && g.Kind == RewardKind.Coupon
                && (g.UnavailableReason == null || g.UnavailableReason != RewardUnavailableReason.Ended)
                && db.CouponTemplates.Any(t => t.Id == g.CouponTemplateId && t.EndsAt <= now));
            await ended.ExecuteUpdateAsync(s => s.SetProperty(g => g.UnavailableReason, RewardUnavailableReason.Ended).SetProperty(g => g.LastTriedAt, now), ct);
            due = [.. (await db.RewardGrants.AsNoTracking()
                .Where(g => g.State == RewardGrantState.Unavailable && g.Kind == RewardKind.Coupon
                    && db.CouponTemplates.Any(t => t.Id == g.CouponTemplateId && !t.Paused && t.StartsAt <= now && t.EndsAt > now && t.Issued < t.TotalLimit))
                .OrderBy(g => g.Id).Take(RetryBatch)
                .Select(g => new { g.Id, g.BeneficiaryId, TemplateId = g.CouponTemplateId!.Value, g.Trigger })
                .ToListAsync(ct)).Select(g => (g.Id, g.BeneficiaryId, g.TemplateId, g.Trigger))];
        }
        var given = 0;
        foreach (var grant in due)
        {
            var ok = await DbTransactions.RunAsync(dbFactory, async (db, token) =>
            {
                // The claim: of two sweeps only one moves the row, and only that one issues the coupon.
                var claimed = await db.RewardGrants.Where(g => g.Id == grant.Id && g.State == RewardGrantState.Unavailable)
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, RewardGrantState.Granted).SetProperty(g => g.Retries, g => g.Retries + 1).SetProperty(g => g.LastTriedAt, now), token);
                if (claimed == 0) return false;
                return await GiveCouponAsync(db, grant.Id, grant.BeneficiaryId, grant.TemplateId, SourceOf(grant.Trigger), now, token);
            }, ct);
            if (ok) given++;
        }
        return given;
    }

    public static string PointsSource(long grantId) => $"share:{grantId}";

    public static string PointsReversalSource(long grantId) => $"share-rev:{grantId}";

    /// <summary>
    /// Issues one coupon of a grant-only campaign in the caller's transaction: the campaign's total limit is taken with
    /// one conditional update (its per-person limit does not apply to rewards: a sharer earns one per new person).
    /// Null when the campaign is missing, paused, outside its window or given out.
    /// </summary>
    public static async Task<long?> GrantCouponAsync(SocialStoreDbContext db, string userId, long templateId, CouponSource source, DateTimeOffset now, CancellationToken ct) =>
        (await TryGrantCouponAsync(db, userId, templateId, source, now, ct)).CouponId;

    /// <summary><see cref="GrantCouponAsync"/> with the reason when nothing was issued.</summary>
    public static async Task<(long? CouponId, RewardUnavailableReason? Reason)> TryGrantCouponAsync(
        SocialStoreDbContext db, string userId, long templateId, CouponSource source, DateTimeOffset now, CancellationToken ct)
    {
        var template = await db.CouponTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return (null, RewardUnavailableReason.Missing);
        if (now >= template.EndsAt) return (null, RewardUnavailableReason.Ended);
        if (template.Paused) return (null, RewardUnavailableReason.Paused);
        if (now < template.StartsAt) return (null, RewardUnavailableReason.NotStarted);
        var coupon = await CouponService.IssueAsync(db, template, userId, source, now, perUserLimit: null, ct);
        // IssueAsync also refuses a campaign paused since it was read; the next sweep finds out which.
        if (coupon is null) return (null, RewardUnavailableReason.SoldOut);
        db.Entry(coupon).State = EntityState.Detached;
        return (coupon.Id, null);
    }

    /// <summary>Points are taken back (even below zero); a coupon is revoked when it is still unused, else kept. Each step is a conditional update, so twice is once.</summary>
    private static async Task ReverseAsync(SocialStoreDbContext db, RewardGrant grant, DateTimeOffset now, CancellationToken ct)
    {
        var settled = grant.Kind == RewardKind.Points ? RewardGrantState.Reversed : RewardGrantState.Kept;
        var claimed = await db.RewardGrants.Where(g => g.Id == grant.Id && g.State == RewardGrantState.Granted)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, settled).SetProperty(g => g.SettledAt, now), ct);
        if (claimed == 0) return;
        if (grant.Kind == RewardKind.Points)
        {
            await PointsLedger.ReverseAsync(db, grant.BeneficiaryId, grant.Points, PointsKind.ShareRewardReversed, PointsReversalSource(grant.Id), now, ct, grant.OrderId);
            return;
        }
        if (grant.CouponId is not { } couponId) return;
        var revoked = await db.Coupons.Where(c => c.Id == couponId && c.State == CouponState.Available)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CouponState.Revoked), ct);
        if (revoked > 0)
            await db.RewardGrants.Where(g => g.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.State, RewardGrantState.Revoked), ct);
    }
}
