using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;

namespace SocialStore.Domain.Referrals.Invites;

/// <summary>What both sides of an invite get (configuration section <c>Invites</c>): points, credited after the invitee's first order completes past the after-sales window.</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    public int InviterPoints { get; set; } = 200;

    public int InviteePoints { get; set; } = 100;
}

public sealed record InviteLanding(string Code, string InviterId, string InviterName, string InviterHandle, int InviterPoints, int InviteePoints);

public enum BindResult
{
    Bound,
    AlreadyBound,
    UnknownCode,
    SelfReferral,
}

public sealed record InviteeRow(string UserId, string Handle, string DisplayName, DateTimeOffset BoundAt, bool HasPaidOrder, InviteRewardState? Reward);

/// <summary>The invite progress of one inviter, every number a count of rows.</summary>
public sealed record InviteProgress(string Code, int Invited, int SignedUp, int FirstOrder, int Rewarded, int PointsEarned, IReadOnlyList<InviteeRow> Invitees, string? InvitedByName, InviteRewardState? MyReward, int InviterPoints, int InviteePoints);

public sealed record InviteTree(string UserId, string Handle, string DisplayName, string? InviterHandle, string? InviterName, DateTimeOffset? BoundAt, DateTimeOffset? ReboundAt, IReadOnlyList<InviteeRow> Invitees);

/// <summary>One weekly cohort of sign-ups through invites. K = invites per inviter × conversion (converted ÷ invites).</summary>
public sealed record KFactorWeek(DateOnly WeekStart, int Inviters, int Invites, int Converted, bool Open)
{
    public decimal InvitesPerInviter => Inviters == 0 ? 0m : Math.Round((decimal)Invites / Inviters, 2, MidpointRounding.AwayFromZero);

    public decimal Conversion => Invites == 0 ? 0m : Math.Round((decimal)Converted / Invites, 4, MidpointRounding.AwayFromZero);

    public decimal K => Inviters == 0 ? 0m : Math.Round((decimal)Invites / Inviters * ((decimal)Converted / Math.Max(1, Invites)), 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Referral invites (ADR-046): codes, the landing page, binding at sign-up (first touch, once, never oneself), the
/// one-level reward of both sides after the invitee's first order completes past the after-sales window, its
/// reversal on a refund, the progress page, and the back office (tree, rebinding with a full ancestor check, K-factor).
/// </summary>
public sealed class InviteService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<InviteOptions> options)
{
    public const int ConversionDays = 30;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public InviteOptions Rules => options.Value;

    /// <summary>The user's invite code, created on first call (a random 8-character code; a collision retries).</summary>
    public async Task<string> CodeForAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var existing = await db.InviteCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null) return existing;
            var code = RandomCode();
            if (await UniqueInsert.TryInsertAsync(db, new InviteCode { UserId = userId, Code = code, CreatedAt = clock.GetUtcNow() }, cancellationToken))
                return code;
        }
        throw new InvalidOperationException("Could not allocate an invite code.");
    }

    public static string RandomCode() => string.Create(InviteCode.Length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    public static string Normalise(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>The landing page's facts, or null for an unknown code.</summary>
    public async Task<InviteLanding?> LandingAsync(string? code, CancellationToken cancellationToken)
    {
        var key = Normalise(code);
        if (key.Length is 0 or > 16) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.InviteCodes.AsNoTracking().Where(c => c.Code == key)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { c.Code, u.Id, u.DisplayName, u.Handle })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new InviteLanding(row.Code, row.Id, row.DisplayName, row.Handle, Rules.InviterPoints, Rules.InviteePoints);
    }

    public static string VisitorKey(string? userId, string? address, string? userAgent) =>
        !string.IsNullOrEmpty(userId)
            ? "u:" + userId
            : "a:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((address ?? "") + "|" + (userAgent ?? ""))))[..40];

    /// <summary>Counts a distinct visitor of the inviter's page once (never the inviter); true when this was the first visit.</summary>
    public async Task<bool> RecordVisitAsync(string inviterId, string visitorKey, CancellationToken cancellationToken)
    {
        if (visitorKey == "u:" + inviterId) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await UniqueInsert.TryInsertAsync(db, new InviteVisit { InviterId = inviterId, VisitorKey = visitorKey, VisitedAt = clock.GetUtcNow() }, cancellationToken);
    }

    /// <summary>
    /// Binds a new account to the owner of <paramref name="code"/>: first touch wins and is permanent (the invitee is
    /// the table's key, so of parallel attempts exactly one inserts); one's own code binds nothing.
    /// </summary>
    public async Task<BindResult> BindAtSignUpAsync(string inviteeId, string? code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(inviteeId);
        var key = Normalise(code);
        if (key.Length is 0 or > 16) return BindResult.UnknownCode;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inviterId = await db.InviteCodes.AsNoTracking().Where(c => c.Code == key).Select(c => c.UserId).FirstOrDefaultAsync(cancellationToken);
        if (inviterId is null) return BindResult.UnknownCode;
        if (inviterId == inviteeId) return BindResult.SelfReferral;
        // A new account has no invitees, so no cycle can form; rebinding (below) checks the whole chain.
        if (await WouldCycleAsync(db, inviteeId, inviterId, cancellationToken)) return BindResult.SelfReferral;
        return await UniqueInsert.TryInsertAsync(db, new InviteBinding { InviteeId = inviteeId, InviterId = inviterId, BoundAt = clock.GetUtcNow() }, cancellationToken)
            ? BindResult.Bound
            : BindResult.AlreadyBound;
    }

    /// <summary>
    /// True when making <paramref name="inviterId"/> the inviter of <paramref name="inviteeId"/> closes a loop of any
    /// length: the invitee is the inviter, or one of the inviter's ancestors. A loop already in the data stops the walk.
    /// </summary>
    public static async Task<bool> WouldCycleAsync(string inviteeId, string inviterId, Func<string, Task<string?>> parentOf)
    {
        if (inviteeId == inviterId) return true;
        var seen = new HashSet<string>(StringComparer.Ordinal) { inviterId };
        var current = inviterId;
        while (await parentOf(current) is { } parent)
        {
            if (parent == inviteeId) return true;
            if (!seen.Add(parent)) return false;
            current = parent;
        }
        return false;
    }

    public static bool WouldCycle(string inviteeId, string inviterId, IReadOnlyDictionary<string, string> parents) =>
        WouldCycleAsync(inviteeId, inviterId, id => Task.FromResult(parents.TryGetValue(id, out var p) ? p : null)).GetAwaiter().GetResult();

    private static Task<bool> WouldCycleAsync(SocialStoreDbContext db, string inviteeId, string inviterId, CancellationToken ct) =>
        WouldCycleAsync(inviteeId, inviterId, id => db.InviteBindings.AsNoTracking().Where(b => b.InviteeId == id).Select(b => b.InviterId).FirstOrDefaultAsync(ct));

    /// <summary>
    /// The one line in <see cref="OrderHooks.OnMovedAsync"/>: when a bound invitee's order completes with nothing
    /// refunded, schedules the invite reward for the end of its after-sales window (at most one per invitee).
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to != OrderStatus.Completed) return;
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.BuyerId, o.DeliveredAt, o.PaidAt, o.RefundedAmount, Inviter = db.InviteBindings.Where(b => b.InviteeId == o.BuyerId).Select(b => b.InviterId).FirstOrDefault() })
            .SingleAsync(ct);
        if (order.Inviter is null || order.PaidAt is null || order.RefundedAmount > 0m) return;
        if (await db.InviteRewards.AnyAsync(r => r.InviteeId == order.BuyerId, ct)) return;
        var due = await CommissionLedger.AfterSalesEndsAtAsync(db, order.DeliveredAt, now, ct);
        await UniqueInsert.TryInsertAsync(db, new InviteReward
        {
            InviteeId = order.BuyerId,
            InviterId = order.Inviter,
            OrderId = orderId,
            State = InviteRewardState.Scheduled,
            DueAt = due,
            CreatedAt = now,
        }, ct);
    }

    /// <summary>
    /// The one line in <see cref="OrderHooks.OnLineRefundedAsync"/>: a refund of the rewarded order cancels a scheduled
    /// reward, or takes both credits back once given (conditional updates, so twice is once).
    /// </summary>
    public static async Task OnLineRefundedAsync(SocialStoreDbContext db, long orderId, DateTimeOffset now, CancellationToken ct)
    {
        var reward = await db.InviteRewards.AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == orderId, ct);
        if (reward is null) return;
        if (reward.State == InviteRewardState.Scheduled)
        {
            await db.InviteRewards.Where(r => r.InviteeId == reward.InviteeId && r.State == InviteRewardState.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, InviteRewardState.Cancelled).SetProperty(r => r.ReversedAt, now), ct);
            return;
        }
        if (reward.State != InviteRewardState.Credited) return;
        var claimed = await db.InviteRewards.Where(r => r.InviteeId == reward.InviteeId && r.State == InviteRewardState.Credited)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, InviteRewardState.Reversed).SetProperty(r => r.ReversedAt, now), ct);
        if (claimed == 0) return;
        if (reward.InviterPoints > 0)
            await PointsLedger.ReverseAsync(db, reward.InviterId, reward.InviterPoints, PointsKind.Referral, $"invite-rev:{reward.InviteeId}:inviter", now, ct, orderId);
        if (reward.InviteePoints > 0)
            await PointsLedger.ReverseAsync(db, reward.InviteeId, reward.InviteePoints, PointsKind.Referral, $"invite-rev:{reward.InviteeId}:invitee", now, ct, orderId);
        await Rewards.RewardGrants.OnInviteReversedAsync(db, reward.InviteeId, now, ct);
    }

    /// <summary>Credits every scheduled reward whose window has passed: each claimed by a conditional update, each credit under a unique source.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<string> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            due = await db.InviteRewards.AsNoTracking().Where(r => r.State == InviteRewardState.Scheduled && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Select(r => r.InviteeId).Take(200).ToListAsync(cancellationToken);
        var credited = 0;
        var (inviterPoints, inviteePoints) = (Math.Max(0, Rules.InviterPoints), Math.Max(0, Rules.InviteePoints));
        foreach (var inviteeId in due)
        {
            credited += await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                var claimed = await db.InviteRewards.Where(r => r.InviteeId == inviteeId && r.State == InviteRewardState.Scheduled && r.DueAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, InviteRewardState.Credited).SetProperty(r => r.CreditedAt, now)
                        .SetProperty(r => r.InviterPoints, inviterPoints).SetProperty(r => r.InviteePoints, inviteePoints), ct);
                if (claimed == 0) return 0;
                var reward = await db.InviteRewards.AsNoTracking().SingleAsync(r => r.InviteeId == inviteeId, ct);
                if (inviterPoints > 0)
                    await PointsLedger.CreditAsync(db, reward.InviterId, inviterPoints, PointsKind.Referral, $"invite:{inviteeId}:inviter", now, ct, reward.OrderId);
                if (inviteePoints > 0)
                    await PointsLedger.CreditAsync(db, inviteeId, inviteePoints, PointsKind.Referral, $"invite:{inviteeId}:invitee", now, ct, reward.OrderId);
                await Rewards.RewardGrants.OnInviteCreditedAsync(db, reward.InviterId, inviteeId, reward.OrderId, now, ct);
                return 1;
            }, cancellationToken);
        }
        return credited;
    }

    /// <summary>The /me/invite page: my code, the four steps counted from rows, my invitees, and who invited me.</summary>
    public async Task<InviteProgress> ProgressAsync(string userId, CancellationToken cancellationToken)
    {
        await ReleaseDueAsync(cancellationToken);
        var code = await CodeForAsync(userId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invited = await db.InviteVisits.CountAsync(v => v.InviterId == userId, cancellationToken);
        var invitees = await InviteesAsync(db, userId, 200, cancellationToken);
        var signedUp = await db.InviteBindings.CountAsync(b => b.InviterId == userId, cancellationToken);
        var firstOrder = await db.InviteBindings.CountAsync(b => b.InviterId == userId && db.Orders.Any(o => o.BuyerId == b.InviteeId && o.PaidAt != null), cancellationToken);
        var rewarded = await db.InviteRewards.CountAsync(r => r.InviterId == userId && r.State == InviteRewardState.Credited, cancellationToken);
        var points = await db.InviteRewards.Where(r => r.InviterId == userId && r.State == InviteRewardState.Credited).SumAsync(r => (int?)r.InviterPoints, cancellationToken) ?? 0;
        var invitedBy = await db.InviteBindings.Where(b => b.InviteeId == userId)
            .Join(db.Users, b => b.InviterId, u => u.Id, (b, u) => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var mine = await db.InviteRewards.Where(r => r.InviteeId == userId).Select(r => (InviteRewardState?)r.State).FirstOrDefaultAsync(cancellationToken);
        return new InviteProgress(code, invited, signedUp, firstOrder, rewarded, points, invitees, invitedBy, mine, Rules.InviterPoints, Rules.InviteePoints);
    }

    private static async Task<IReadOnlyList<InviteeRow>> InviteesAsync(SocialStoreDbContext db, string inviterId, int take, CancellationToken ct) =>
        await db.InviteBindings.AsNoTracking().Where(b => b.InviterId == inviterId)
            .Join(db.Users, b => b.InviteeId, u => u.Id, (b, u) => new
            {
                u.Id,
                u.Handle,
                u.DisplayName,
                b.BoundAt,
                Paid = db.Orders.Any(o => o.BuyerId == b.InviteeId && o.PaidAt != null),
                Reward = db.InviteRewards.Where(r => r.InviteeId == b.InviteeId).Select(r => (InviteRewardState?)r.State).FirstOrDefault(),
            })
            .OrderByDescending(x => x.BoundAt).Take(take)
            .Select(x => new InviteeRow(x.Id, x.Handle, x.DisplayName, x.BoundAt, x.Paid, x.Reward))
            .ToListAsync(ct);

    /// <summary>A user's referral tree, one level each way: who invited them, and whom they invited.</summary>
    /// <exception cref="DomainException">AdminOnly, UserNotFound.</exception>
    public async Task<InviteTree> TreeAsync(ClaimsPrincipal actor, string handleOrId, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, InviteErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindUserAsync(db, handleOrId, cancellationToken);
        var up = await db.InviteBindings.AsNoTracking().Where(b => b.InviteeId == user.Id)
            .Join(db.Users, b => b.InviterId, u => u.Id, (b, u) => new { u.Handle, u.DisplayName, b.BoundAt, b.ReboundAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new InviteTree(user.Id, user.Handle, user.DisplayName, up?.Handle, up?.DisplayName, up?.BoundAt, up?.ReboundAt,
            await InviteesAsync(db, user.Id, 500, cancellationToken));
    }

    /// <summary>
    /// An admin sets who invited a user. Refused when it would close a loop of any length (the whole ancestor chain of
    /// the new inviter is walked) or is the user themself; audited. A reward already scheduled or given stays with
    /// its inviter.
    /// </summary>
    /// <exception cref="DomainException">AdminOnly, UserNotFound, SelfReferral, Cycle, AlreadyBound (the same inviter).</exception>
    public async Task RebindAsync(ClaimsPrincipal actor, string inviteeKey, string inviterKey, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(actor, InviteErrors.AdminOnly);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var invitee = await FindUserAsync(db, inviteeKey, ct);
            var inviter = await FindUserAsync(db, inviterKey, ct);
            if (invitee.Id == inviter.Id) throw new DomainException(InviteErrors.SelfReferral);
            // Two rebindings at once (A under B, B under A) each see no loop in what is committed (PostgreSQL, read
            // committed). So each locks its invitee's user row, then every ancestor's row before reading that
            // ancestor's inviter: a rebinding changes an edge only under its invitee's lock, so the chain walked here
            // cannot change until commit. Of two rebindings that together would close a loop, the second waits for the
            // first and then sees the loop (or the database breaks a deadlock and the loser runs again). SQLite's
            // BEGIN IMMEDIATE already runs them one at a time. ADR-062.
            await LockUserAsync(db, invitee.Id, ct);
            if (await WouldCycleAsync(invitee.Id, inviter.Id, async id =>
                {
                    await LockUserAsync(db, id, ct);
                    return await db.InviteBindings.AsNoTracking().Where(b => b.InviteeId == id).Select(b => b.InviterId).FirstOrDefaultAsync(ct);
                }))
                throw new DomainException(InviteErrors.Cycle);
            var now = clock.GetUtcNow();
            var row = await db.InviteBindings.FirstOrDefaultAsync(b => b.InviteeId == invitee.Id, ct);
            if (row?.InviterId == inviter.Id) throw new DomainException(InviteErrors.AlreadyBound);
            var before = row?.InviterId ?? "";
            if (row is null) db.InviteBindings.Add(row = new InviteBinding { InviteeId = invitee.Id, BoundAt = now });
            (row.InviterId, row.ReboundBy, row.ReboundAt) = (inviter.Id, adminId, now);
            db.AuditLog.Add(new AuditEntry { At = now, ActorId = adminId, Action = "invite.rebind", TargetType = AuditTargets.User, TargetId = invitee.Id, Before = before, After = inviter.Id });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>A no-op update of the user's row: on PostgreSQL (and SQL Server) it holds the row lock until commit.</summary>
    private static Task<int> LockUserAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);

    /// <summary>
    /// K-factor by weekly cohort (weeks start Monday, UTC) of invite sign-ups: inviters = distinct inviters with a
    /// sign-up that week, invites = sign-ups, converted = those invitees with a paid order within 30 days of signing
    /// up. K = invites ÷ inviters × converted ÷ invites. A cohort younger than 30 days is still open.
    /// </summary>
    public async Task<IReadOnlyList<KFactorWeek>> KFactorAsync(ClaimsPrincipal actor, int weeks, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, InviteErrors.AdminOnly);
        weeks = Math.Clamp(weeks, 1, 26);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (weeks - 1));
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bindings = await db.InviteBindings.AsNoTracking().Where(b => b.BoundAt >= start)
            .Select(b => new { b.InviteeId, b.InviterId, b.BoundAt }).ToListAsync(cancellationToken);
        var paid = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && db.InviteBindings.Any(b => b.InviteeId == o.BuyerId && b.BoundAt >= start))
            .Select(o => new { o.BuyerId, o.PaidAt }).ToListAsync(cancellationToken);
        var paidBy = paid.ToLookup(p => p.BuyerId, p => p.PaidAt!.Value);
        return Enumerable.Range(0, weeks).Select(i =>
        {
            var week = first.AddDays(7 * i);
            var from = new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var cohort = bindings.Where(b => b.BoundAt >= from && b.BoundAt < from.AddDays(7)).ToList();
            var converted = cohort.Count(b => paidBy[b.InviteeId].Any(at => at >= b.BoundAt && at <= b.BoundAt.AddDays(ConversionDays)));
            return new KFactorWeek(week, cohort.Select(b => b.InviterId).Distinct().Count(), cohort.Count, converted, from.AddDays(7 + ConversionDays) > now);
        }).Reverse().ToList();
    }

    private static async Task<ApplicationUser> FindUserAsync(SocialStoreDbContext db, string? handleOrId, CancellationToken ct)
    {
        var key = (handleOrId ?? "").Trim().TrimStart('@');
        if (key.Length == 0) throw new DomainException(InviteErrors.UserNotFound);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key || u.Handle == key, ct) ?? throw new DomainException(InviteErrors.UserNotFound);
    }
}

/// <summary>Credits due invite rewards every few minutes (the progress page also credits on demand).</summary>
public sealed class InviteRewardWorker(InviteService invites, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<InviteRewardWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => invites.ReleaseDueAsync(cancellationToken);
}
