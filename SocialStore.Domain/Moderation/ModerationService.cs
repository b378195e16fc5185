using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Moderation;

/// <summary>
/// The moderators' queue and their decisions. Every method checks the caller's role itself (Moderator or
/// Admin). A decision is one transaction: a conditional update of the reviewable's state (the one that
/// changes a row wins when two moderators act at once), the effect on the target and its author, the
/// decision row with the thresholds in force, the reporters' accuracy, the notices and the audit entry.
/// </summary>
public sealed class ModerationService(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    NotificationService notifications,
    IOptions<ModerationOptions> options)
{
    public const int MaxPageSize = 100;

    public static string AuditAction(ModerationAction action) => "moderation." + action.ToString().ToLowerInvariant();

    public const string AuditAppeal = "moderation.appeal";

    public static string RequireStaff(ClaimsPrincipal actor)
    {
        var id = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actor.Identity?.IsAuthenticated != true || id is null || !(actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Moderator)))
            throw new DomainException(ModerationErrors.StaffOnly);
        return id;
    }

    // ----- the queue -----

    public async Task<QueuePage> QueueAsync(ClaimsPrincipal actor, QueueQuery query, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<Reviewable>().AsNoTracking();
        rows = query.State switch
        {
            QueueStateFilter.Pending => rows.Where(r => r.State == ReviewableState.Pending),
            QueueStateFilter.Appealed => rows.Where(r => r.State == ReviewableState.Appealed),
            QueueStateFilter.Decided => rows.Where(r => r.State == ReviewableState.Decided),
            _ => rows.Where(r => r.State != ReviewableState.Decided),
        };
        if (query.Type is { } type) rows = rows.Where(r => r.TargetType == type);
        if (query.Reason is { } reason)
            rows = rows.Where(r => db.Set<Report>().Any(p => p.ReviewableId == r.Id && p.Round == r.Round && p.Reason == reason));
        if (query.Source == QueueSourceFilter.Automatic)
            rows = rows.Where(r => db.Set<Screening.ScreeningFlag>().Any(f => f.ReviewableId == r.Id && f.Round == r.Round));
        else if (query.Source == QueueSourceFilter.Reported)
            rows = rows.Where(r => db.Set<Report>().Any(p => p.ReviewableId == r.Id && p.Round == r.Round));
        if (query.MaxAgeDays is { } days && days > 0)
        {
            var since = clock.GetUtcNow().AddDays(-Math.Min(days, 3650));
            rows = rows.Where(r => r.QueuedAt >= since);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await (from r in rows
                          join u in db.Users on r.TargetAuthorId equals u.Id
                          orderby r.State == ReviewableState.Appealed descending, r.Score descending, r.QueuedAt, r.Id
                          select new
                          {
                              R = r,
                              u.Handle,
                              u.DisplayName,
                              Automatic = db.Set<Screening.ScreeningFlag>().Any(f => f.ReviewableId == r.Id && f.Round == r.Round),
                              Reported = db.Set<Report>().Any(p => p.ReviewableId == r.Id && p.Round == r.Round),
                          })
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var items = new List<QueueRow>(page.Count);
        foreach (var p in page)
            items.Add(ToRow(p.R, p.Handle, p.DisplayName, await ExcerptAsync(db, p.R.TargetType, p.R.TargetKey, cancellationToken), p.Automatic, p.Reported));
        return new QueuePage(items, total);
    }

    public async Task<ReviewableDetail?> DetailAsync(ClaimsPrincipal actor, long reviewableId, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var r = await db.Set<Reviewable>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == reviewableId, cancellationToken);
        if (r is null) return null;
        var author = await db.Users.AsNoTracking().Where(u => u.Id == r.TargetAuthorId).Select(u => new { u.Handle, u.DisplayName }).SingleAsync(cancellationToken);
        var sanction = await db.Set<UserSanction>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == r.TargetAuthorId, cancellationToken);
        var reports = await (from p in db.Set<Report>().AsNoTracking()
                             join u in db.Users on p.ReporterId equals u.Id
                             where p.ReviewableId == r.Id
                             orderby p.Round descending, p.Id descending
                             select new ReportRow(u.Handle, p.Reason, p.Text, p.Weight, p.CreatedAt, p.Round, p.Upheld))
            .Take(200).ToListAsync(cancellationToken);
        var decisions = await (from d in db.Set<ModerationDecision>().AsNoTracking()
                               from u in db.Users.Where(u => u.Id == d.ModeratorId).DefaultIfEmpty()
                               where d.ReviewableId == r.Id
                               orderby d.Id descending
                               select new DecisionRow(d.Id, d.Round, d.Action, u == null ? null : u.Handle, d.Reason, d.MuteDays, d.Score,
                                   d.HideThreshold, d.IsAppealDecision, d.DecidedAt, d.AppealedAt, d.AppealText))
            .ToListAsync(cancellationToken);
        string? appealedModerator = null;
        if (r.State == ReviewableState.Appealed)
            appealedModerator = await db.Set<ModerationDecision>().Where(d => d.Id == r.LastDecisionId).Select(d => d.ModeratorId).FirstOrDefaultAsync(cancellationToken);
        var (status, context) = await ContextAsync(db, r, cancellationToken);
        var automatic = await db.Set<Screening.ScreeningFlag>().AnyAsync(f => f.ReviewableId == r.Id && f.Round == r.Round, cancellationToken);
        var reported = reports.Any(p => p.Round == r.Round);
        return new ReviewableDetail(
            ToRow(r, author.Handle, author.DisplayName, await ExcerptAsync(db, r.TargetType, r.TargetKey, cancellationToken), automatic, reported),
            r.TargetAuthorId, status, sanction?.MutedUntil, sanction?.BannedAt is not null, context, reports, decisions, appealedModerator);
    }

    // ----- decisions -----

    public static bool Applies(ModerationAction action, ReportTargetType type) => action switch
    {
        ModerationAction.AutoHide => false,
        ModerationAction.Hide or ModerationAction.Delete => ModerationTargets.CanHide(type),
        ModerationAction.Restore => ModerationTargets.CanHide(type) || type == ReportTargetType.User,
        _ => true,
    };

    public async Task<DecisionResult> DecideAsync(ClaimsPrincipal actor, DecisionInput input, CancellationToken cancellationToken)
    {
        var moderatorId = RequireStaff(actor);
        var reason = UserText.Paragraphs(input.Reason);
        if (reason.Length == 0) throw new DomainException(ModerationErrors.DecisionReasonRequired);
        if (TextLength.Graphemes(reason) > ModerationDecision.ReasonMaxLength || reason.Length > ModerationDecision.ReasonMaxLength * 2)
            throw new DomainException(ModerationErrors.DecisionReasonTooLong, ModerationDecision.ReasonMaxLength);
        var settings = options.Value;
        int? muteDays = null;
        if (input.Action == ModerationAction.Mute)
        {
            if (input.MuteDays is not { } d || d < 1 || d > settings.MaxMuteDays) throw new DomainException(ModerationErrors.MuteDaysInvalid, settings.MaxMuteDays);
            muteDays = d;
        }

        var (result, told) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var r = await db.Set<Reviewable>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.ReviewableId, ct)
                ?? throw new DomainException(ModerationErrors.ReviewableNotFound);
            if (!Enum.IsDefined(input.Action) || !Applies(input.Action, r.TargetType)) throw new DomainException(ModerationErrors.ActionNotForTarget);
            if (r.State == ReviewableState.Decided) throw new DomainException(ModerationErrors.AlreadyDecided);
            var isAppeal = r.State == ReviewableState.Appealed;
            if (isAppeal)
            {
                var original = await db.Set<ModerationDecision>().Where(d => d.Id == r.LastDecisionId).Select(d => d.ModeratorId).FirstOrDefaultAsync(ct);
                if (original == moderatorId && await OtherStaffExistsAsync(db, moderatorId, ct))
                    throw new DomainException(ModerationErrors.OtherModeratorRequired);
            }

            // The decision: only one moderator's update finds the state it saw.
            var won = await db.Set<Reviewable>()
                .Where(x => x.Id == r.Id && x.State == r.State && x.Round == r.Round && x.LastDecisionId == r.LastDecisionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ReviewableState.Decided), ct);
            if (won == 0) throw new DomainException(ModerationErrors.AlreadyDecided);

            var before = await StateTextAsync(db, r, ct);
            var granted = isAppeal && input.Action is ModerationAction.Approve or ModerationAction.Restore;
            var (changed, heldByBan) = await ApplyAsync(db, r, input.Action, granted, muteDays, now, ct);
            var after = await StateTextAsync(db, r, ct);

            var decision = new ModerationDecision
            {
                ReviewableId = r.Id,
                Round = r.Round,
                ModeratorId = moderatorId,
                Action = input.Action,
                Reason = reason,
                MuteDays = muteDays,
                Score = r.Score,
                HideThreshold = settings.HideThreshold,
                IsAppealDecision = isAppeal,
                DecidedAt = now,
            };
            db.Add(decision);
            await db.SaveChangesAsync(ct);
            await db.Set<Reviewable>().Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDecisionId, decision.Id), ct);

            // The reporters' accuracy: a report is upheld unless the content was found fine (dismissed, or restored on appeal).
            var upheld = !(input.Action == ModerationAction.Approve || granted);
            await db.Set<Report>().Where(p => p.ReviewableId == r.Id && p.Round == r.Round)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Upheld, upheld), ct);

            var told = new List<string>();
            if (input.Action != ModerationAction.Approve || r.AutoHidden || isAppeal)
            {
                ReportService.Notify(db, r.TargetAuthorId, decision.Id, now);
                told.Add(r.TargetAuthorId);
            }
            if (!isAppeal)
            {
                var reporters = await db.Set<Report>().Where(p => p.ReviewableId == r.Id && p.Round == r.Round).Select(p => p.ReporterId).Distinct().ToListAsync(ct);
                foreach (var reporter in reporters.Where(x => x != r.TargetAuthorId))
                {
                    ReportService.Notify(db, reporter, decision.Id, now);
                    told.Add(reporter);
                }
            }
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                ActorId = moderatorId,
                Action = AuditAction(input.Action),
                TargetType = r.TargetType.ToString().ToLowerInvariant(),
                TargetId = r.TargetKey,
                Reason = Clip(reason, AuditEntry.ReasonMaxLength),
                Before = Clip(before, AuditEntry.ValueMaxLength),
                After = Clip(after, AuditEntry.ValueMaxLength),
            });
            await db.SaveChangesAsync(ct);
            return (new DecisionResult(decision.Id, input.Action, changed, heldByBan), told);
        }, cancellationToken);
        await notifications.PublishUnreadAsync(told, cancellationToken);
        return result;
    }

    /// <summary>
    /// The author appeals a decision once: the reviewable goes back to the queue (first in it). Not an
    /// appeal's decision, not the automatic hide (it is still waiting for review), not a dismissal.
    /// </summary>
    public async Task AppealAsync(string userId, long decisionId, string? text, CancellationToken cancellationToken)
    {
        var appeal = UserText.Paragraphs(text);
        if (TextLength.Graphemes(appeal) > ModerationDecision.AppealMaxLength || appeal.Length > ModerationDecision.AppealMaxLength * 2)
            throw new DomainException(ModerationErrors.AppealTooLong, ModerationDecision.AppealMaxLength);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var d = await (from x in db.Set<ModerationDecision>().AsNoTracking()
                           join r in db.Set<Reviewable>() on x.ReviewableId equals r.Id
                           where x.Id == decisionId && r.TargetAuthorId == userId
                           select new { x.Id, x.Action, x.IsAppealDecision, x.ModeratorId, r.LastDecisionId, ReviewableId = r.Id, r.TargetType, r.TargetKey })
                .FirstOrDefaultAsync(ct) ?? throw new DomainException(ModerationErrors.AppealNotAllowed);
            if (d.IsAppealDecision) throw new DomainException(ModerationErrors.AppealOfAppeal);
            if (d.Action is ModerationAction.Approve or ModerationAction.AutoHide or ModerationAction.Restore || d.LastDecisionId != d.Id)
                throw new DomainException(ModerationErrors.AppealNotAllowed);
            if (await db.Set<ModerationDecision>().Where(x => x.Id == decisionId && x.AppealedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AppealedAt, now).SetProperty(x => x.AppealText, appeal), ct) == 0)
                throw new DomainException(ModerationErrors.AlreadyAppealed);
            if (await db.Set<Reviewable>().Where(r => r.Id == d.ReviewableId && r.State == ReviewableState.Decided && r.LastDecisionId == d.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewableState.Appealed).SetProperty(r => r.QueuedAt, now), ct) == 0)
                throw new DomainException(ModerationErrors.AppealNotAllowed);
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                ActorId = userId,
                Action = AuditAppeal,
                TargetType = d.TargetType.ToString().ToLowerInvariant(),
                TargetId = d.TargetKey,
                Reason = Clip(appeal, AuditEntry.ReasonMaxLength),
                Before = d.Action.ToString(),
                After = ReviewableState.Appealed.ToString(),
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The notice of a decision as its recipient (the author or a reporter) sees it, or null for anyone else.</summary>
    public async Task<ModerationNotice?> NoticeAsync(string userId, long decisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var n = await (from d in db.Set<ModerationDecision>().AsNoTracking()
                       join r in db.Set<Reviewable>() on d.ReviewableId equals r.Id
                       where d.Id == decisionId
                       select new { D = d, r.TargetType, r.TargetKey, r.TargetAuthorId, r.LastDecisionId, r.Id }).FirstOrDefaultAsync(cancellationToken);
        if (n is null) return null;
        var toAuthor = n.TargetAuthorId == userId;
        if (!toAuthor && !await db.Set<Report>().AnyAsync(p => p.ReviewableId == n.Id && p.Round == n.D.Round && p.ReporterId == userId, cancellationToken))
            return null;
        var canAppeal = toAuthor && !n.D.IsAppealDecision && n.D.AppealedAt is null && n.LastDecisionId == n.D.Id
            && n.D.Action is not (ModerationAction.Approve or ModerationAction.AutoHide or ModerationAction.Restore);
        return new ModerationNotice(n.D.Id, n.D.Action, n.TargetType, n.TargetKey, toAuthor ? n.D.Reason : "", n.D.MuteDays, n.D.DecidedAt,
            toAuthor, canAppeal, n.D.AppealedAt is not null, n.D.IsAppealDecision);
    }

    // ----- the audit log (read only: nothing here or anywhere edits or deletes it) -----

    public async Task<AuditPage> AuditAsync(ClaimsPrincipal actor, AuditQuery query, CancellationToken cancellationToken)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditLog.AsNoTracking();
        var text = (query.Text ?? "").Trim();
        if (text.Length > 100) text = text[..100];
        if (text.Length > 0)
        {
            var handle = text.TrimStart('@').ToLowerInvariant();
            var ids = db.Users.Where(u => u.Handle == handle).Select(u => u.Id);
            rows = rows.Where(a => ids.Contains(a.ActorId) || ids.Contains(a.TargetId) || a.TargetId == text || a.Reason.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(query.Action)) rows = rows.Where(a => a.Action == query.Action);
        if (query.From is { } from) rows = rows.Where(a => a.At >= from);
        if (query.To is { } to) rows = rows.Where(a => a.At < to);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(a => new AuditRow(a.Id, a.At,
                db.Users.Where(u => u.Id == a.ActorId).Select(u => u.Handle).FirstOrDefault() ?? "",
                a.Action, a.TargetType, a.TargetId, a.Reason, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    // ----- helpers -----

    private static async Task<(bool Changed, bool HeldByBan)> ApplyAsync(SocialStoreDbContext db, Reviewable r, ModerationAction action, bool appealGranted, int? muteDays, DateTimeOffset now, CancellationToken ct)
    {
        var content = ModerationTargets.CanHide(r.TargetType);
        if (appealGranted)
        {
            // The appeal is granted: the appealed decision's own sanction is undone — that mute or that ban, not
            // another decision's (ADR-063) — and the content comes back (undone first, so that a lifted ban does
            // not hold the content back; a ban from another decision still does).
            var lifted = await UndoAppealedSanctionAsync(db, r, now, ct);
            var (back, held) = content ? await RestoreUnlessBannedAsync(db, r, now, ct) : (false, false);
            return (lifted | back, held);
        }
        switch (action)
        {
            case ModerationAction.Approve:
                return r.AutoHidden && content ? await RestoreUnlessBannedAsync(db, r, now, ct) : (false, false);
            case ModerationAction.Restore:
                return content
                    ? await RestoreUnlessBannedAsync(db, r, now, ct)
                    : (await LiftSanctionAsync(db, r.TargetAuthorId, ct), false);
            default:
                return (await ApplySanctionOrHideAsync(db, r, action, muteDays, now, ct), false);
        }
    }

    /// <summary>
    /// Brings a hidden or deleted target back — unless its author is banned: then it stays hidden and is
    /// recorded with what the ban hid, so that lifting the ban brings it back (ADR-058).
    /// </summary>
    private static async Task<(bool Changed, bool HeldByBan)> RestoreUnlessBannedAsync(SocialStoreDbContext db, Reviewable r, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Set<UserSanction>().AnyAsync(s => s.UserId == r.TargetAuthorId && s.BannedAt != null, ct))
            return (await ModerationTargets.RestoreAsync(db, r.TargetType, r.TargetKey, ct), false);
        if (await ModerationTargets.LiveAuthorAsync(db, r.TargetType, r.TargetKey, ct) is not null) return (false, false);
        await ModerationTargets.RecordBanHiddenAsync(db, r.TargetAuthorId, r.TargetType, r.TargetKey, now, ct);
        return (false, true);
    }

    private static async Task<bool> ApplySanctionOrHideAsync(SocialStoreDbContext db, Reviewable r, ModerationAction action, int? muteDays, DateTimeOffset now, CancellationToken ct)
    {
        var content = ModerationTargets.CanHide(r.TargetType);
        switch (action)
        {
            case ModerationAction.Hide:
                return await ModerationTargets.HideAsync(db, r.TargetType, r.TargetKey, ct);
            case ModerationAction.Delete:
                return await ModerationTargets.DeleteAsync(db, r.TargetType, r.TargetKey, now, ct);
            case ModerationAction.Warn:
                return false;
            case ModerationAction.Mute:
                var until = now.AddDays(muteDays!.Value);
                if (!await UniqueInsert.TryInsertAsync(db, new UserSanction { UserId = r.TargetAuthorId, MutedUntil = until }, ct))
                    // A shorter mute never cuts a longer one in force short (an appeal of the longer one does that, ADR-063).
                    await db.Set<UserSanction>().Where(s => s.UserId == r.TargetAuthorId && (s.MutedUntil == null || s.MutedUntil < until))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.MutedUntil, until), ct);
                return true;
            case ModerationAction.Ban:
                if (!await UniqueInsert.TryInsertAsync(db, new UserSanction { UserId = r.TargetAuthorId, BannedAt = now }, ct))
                    // A ban on a banned author keeps the ban's start: the ban decisions since then all stand for it.
                    await db.Set<UserSanction>().Where(s => s.UserId == r.TargetAuthorId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.BannedAt, x => x.BannedAt ?? now), ct);
                // Sign-in is refused (lockout) and every open session ends at its next security-stamp check.
                await db.Users.Where(u => u.Id == r.TargetAuthorId).ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.LockoutEnabled, true)
                    .SetProperty(u => u.LockoutEnd, now.AddYears(100))
                    .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                    .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
                await ModerationTargets.HideAllContentAsync(db, r.TargetAuthorId, now, ct);
                if (content) await ModerationTargets.HideAsync(db, r.TargetType, r.TargetKey, ct);
                return true;
            default:
                throw new DomainException(ModerationErrors.ActionNotForTarget);
        }
    }

    /// <summary>
    /// Undoes the sanction of the decision under appeal (<see cref="Reviewable.LastDecisionId"/>), leaving the others:
    /// a ban is lifted only when no other ban decision on the author still stands since the ban began; a mute is
    /// shortened to the longest other mute still standing (never lengthened: a mute a moderator lifted stays lifted).
    /// A decision stands until a later decision on its reviewable restores, or grants its appeal.
    /// </summary>
    private static async Task<bool> UndoAppealedSanctionAsync(SocialStoreDbContext db, Reviewable r, DateTimeOffset now, CancellationToken ct)
    {
        var appealed = await db.Set<ModerationDecision>().AsNoTracking().Where(d => d.Id == r.LastDecisionId)
            .Select(d => new { d.Id, d.Action }).SingleAsync(ct);
        if (appealed.Action is not (ModerationAction.Ban or ModerationAction.Mute)) return false;
        var userId = r.TargetAuthorId;
        var sanction = await db.Set<UserSanction>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (sanction is null) return false;
        var standing = await (from d in db.Set<ModerationDecision>().AsNoTracking()
                              join x in db.Set<Reviewable>() on d.ReviewableId equals x.Id
                              where x.TargetAuthorId == userId && d.Id != appealed.Id && d.Action == appealed.Action
                                  && !db.Set<ModerationDecision>().Any(o => o.ReviewableId == d.ReviewableId && o.Id > d.Id
                                      && (o.Action == ModerationAction.Restore || (o.IsAppealDecision && o.Action == ModerationAction.Approve)))
                              select new { d.DecidedAt, d.MuteDays }).ToListAsync(ct);
        if (appealed.Action == ModerationAction.Ban)
        {
            if (sanction.BannedAt is not { } bannedAt || standing.Any(d => d.DecidedAt >= bannedAt)) return false;
            if (sanction.MutedUntil is null) await db.Set<UserSanction>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            else await db.Set<UserSanction>().Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BannedAt, (DateTimeOffset?)null), ct);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
            await ModerationTargets.RestoreBanHiddenAsync(db, userId, ct);
            return true;
        }
        if (sanction.MutedUntil is not { } mutedUntil || mutedUntil <= now) return false;
        var other = standing.Where(d => d.MuteDays is not null).Select(d => d.DecidedAt.AddDays(d.MuteDays!.Value)).Where(t => t > now)
            .DefaultIfEmpty(now).Max();
        if (other >= mutedUntil) return false;
        DateTimeOffset? until = other > now ? other : null;
        if (until is null && sanction.BannedAt is null) await db.Set<UserSanction>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        else await db.Set<UserSanction>().Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.MutedUntil, until), ct);
        return true;
    }

    private static async Task<bool> LiftSanctionAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var sanction = await db.Set<UserSanction>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (sanction is null) return false;
        await db.Set<UserSanction>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        if (sanction.BannedAt is not null)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
            await ModerationTargets.RestoreBanHiddenAsync(db, userId, ct);
        }
        return true;
    }

    private static async Task<bool> OtherStaffExistsAsync(SocialStoreDbContext db, string moderatorId, CancellationToken ct)
    {
        var staffRoles = new[] { Roles.Admin.ToUpperInvariant(), Roles.Moderator.ToUpperInvariant() };
        var roleIds = db.Roles.Where(x => staffRoles.Contains(x.NormalizedName!)).Select(x => x.Id);
        return await db.UserRoles.AnyAsync(ur => roleIds.Contains(ur.RoleId) && ur.UserId != moderatorId
            && !db.Set<UserSanction>().Any(s => s.UserId == ur.UserId && s.BannedAt != null), ct);
    }

    /// <summary>The target's and its author's state, for the audit log's before/after.</summary>
    private static async Task<string> StateTextAsync(SocialStoreDbContext db, Reviewable r, CancellationToken ct)
    {
        var sanction = await db.Set<UserSanction>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == r.TargetAuthorId, ct);
        var author = sanction is null ? "author:ok"
            : sanction.BannedAt is not null ? "author:banned"
            : $"author:muted-until {sanction.MutedUntil?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z";
        var status = await TargetStatusAsync(db, r.TargetType, r.TargetKey, ct);
        return status is null ? author : $"{status}; {author}";
    }

    private static async Task<string?> TargetStatusAsync(SocialStoreDbContext db, ReportTargetType type, string key, CancellationToken ct)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return type switch
        {
            ReportTargetType.Note => (await db.Notes.AsNoTracking().Where(n => n.Id == id).Select(n => (NoteStatus?)n.Status).FirstOrDefaultAsync(ct))?.ToString(),
            ReportTargetType.Comment => await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => c.IsDeleted ? "Hidden" : "Published").FirstOrDefaultAsync(ct),
            ReportTargetType.Review => await db.Reviews.AsNoTracking().Where(x => x.Id == id).Select(x => x.IsHidden ? "Hidden" : "Published").FirstOrDefaultAsync(ct),
            ReportTargetType.Question => await db.Set<ProductQuestion>().AsNoTracking().Where(x => x.Id == id).Select(x => x.IsHidden ? "Hidden" : "Published").FirstOrDefaultAsync(ct),
            ReportTargetType.Answer => await db.Set<ProductAnswer>().AsNoTracking().Where(x => x.Id == id).Select(x => x.IsHidden ? "Hidden" : "Published").FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    private static QueueRow ToRow(Reviewable r, string handle, string name, string excerpt, bool automatic, bool reported) =>
        new(r.Id, r.TargetType, r.TargetKey, r.State, Math.Round(r.Score, 2), r.ReportCount, r.LatestReason, r.AutoHidden, r.QueuedAt, handle, name, excerpt,
            automatic, reported);

    internal static async Task<string> ExcerptAsync(SocialStoreDbContext db, ReportTargetType type, string key, CancellationToken ct)
    {
        string? text;
        if (type == ReportTargetType.User)
            text = await db.Users.AsNoTracking().Where(u => u.Id == key).Select(u => u.DisplayName + " · " + u.Bio).FirstOrDefaultAsync(ct);
        else if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) text = null;
        else text = type switch
        {
            ReportTargetType.Note => await db.Notes.AsNoTracking().Where(n => n.Id == id).Select(n => n.Title + " · " + n.Body).FirstOrDefaultAsync(ct),
            ReportTargetType.Comment => await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => c.Body).FirstOrDefaultAsync(ct),
            ReportTargetType.Review => await db.Reviews.AsNoTracking().Where(x => x.Id == id).Select(x => x.Body).FirstOrDefaultAsync(ct),
            ReportTargetType.Question => await db.Set<ProductQuestion>().AsNoTracking().Where(x => x.Id == id).Select(x => x.Body).FirstOrDefaultAsync(ct),
            ReportTargetType.Answer => await db.Set<ProductAnswer>().AsNoTracking().Where(x => x.Id == id).Select(x => x.Body).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return Clip((text ?? "").ReplaceLineEndings(" "), 120);
    }

    private static async Task<(string? Status, IReadOnlyList<ContextItem> Items)> ContextAsync(SocialStoreDbContext db, Reviewable r, CancellationToken ct)
    {
        var items = new List<ContextItem>();
        var status = await TargetStatusAsync(db, r.TargetType, r.TargetKey, ct);
        long.TryParse(r.TargetKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        switch (r.TargetType)
        {
            case ReportTargetType.Note:
                var note = await db.Notes.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.Id, n.Title, n.Body, n.CreatedAt, n.Status }).FirstOrDefaultAsync(ct);
                if (note is not null)
                {
                    var images = await db.NoteImages.AsNoTracking().Where(i => i.NoteId == id).OrderBy(i => i.Position).Select(i => i.StorageKey).ToListAsync(ct);
                    items.Add(new ContextItem("note", note.Id, note.Title, note.Body, images, note.CreatedAt, true, note.Status != NoteStatus.Published, $"/notes/{note.Id}"));
                }
                break;
            case ReportTargetType.Comment:
                var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
                if (comment is not null)
                {
                    var n = await db.Notes.AsNoTracking().Where(x => x.Id == comment.NoteId).Select(x => new { x.Id, x.Title, x.Body, x.CreatedAt, x.CoverKey }).FirstOrDefaultAsync(ct);
                    if (n is not null) items.Add(new ContextItem("note", n.Id, n.Title, Clip(n.Body, 200), [n.CoverKey], n.CreatedAt, false, false, $"/notes/{n.Id}"));
                    var rootId = comment.ParentId ?? comment.Id;
                    var thread = await (from c in db.Comments.AsNoTracking()
                                        join u in db.Users on c.AuthorId equals u.Id
                                        where c.Id == rootId || c.ParentId == rootId
                                        orderby c.Id
                                        select new { c.Id, c.Body, c.CreatedAt, c.IsDeleted, u.Handle }).Take(30).ToListAsync(ct);
                    items.AddRange(thread.Select(c => new ContextItem("comment", c.Id, "@" + c.Handle, c.Body, [], c.CreatedAt, c.Id == comment.Id, c.IsDeleted, null)));
                }
                break;
            case ReportTargetType.Review:
                items.AddRange(await db.Reviews.AsNoTracking().Where(x => x.Id == id)
                    .Select(x => new ContextItem("review", x.Id, null, x.Body, new List<string>(), x.CreatedAt, true, false, "/products/" + x.ProductId)).ToListAsync(ct));
                break;
            case ReportTargetType.Question:
                items.AddRange(await db.Set<ProductQuestion>().AsNoTracking().Where(x => x.Id == id)
                    .Select(x => new ContextItem("question", x.Id, null, x.Body, new List<string>(), x.CreatedAt, true, false, "/products/" + x.ProductId)).ToListAsync(ct));
                break;
            case ReportTargetType.Answer:
                var answer = await db.Set<ProductAnswer>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (answer is not null)
                {
                    items.AddRange(await db.Set<ProductQuestion>().AsNoTracking().Where(q => q.Id == answer.QuestionId)
                        .Select(q => new ContextItem("question", q.Id, null, q.Body, new List<string>(), q.CreatedAt, false, false, "/products/" + q.ProductId)).ToListAsync(ct));
                    items.Add(new ContextItem("answer", answer.Id, null, answer.Body, [], answer.CreatedAt, true, false, null));
                }
                break;
        }
        if (r.TargetType == ReportTargetType.User || items.Count == 0 || r.TargetType is ReportTargetType.Review or ReportTargetType.Question or ReportTargetType.Answer)
        {
            // The author's recent content, whatever was reported.
            var recentNotes = await db.Notes.AsNoTracking().Where(n => n.AuthorId == r.TargetAuthorId && n.Status != NoteStatus.Draft)
                .OrderByDescending(n => n.Id).Take(6).Select(n => new { n.Id, n.Title, n.Body, n.CoverKey, n.CreatedAt, n.Status }).ToListAsync(ct);
            items.AddRange(recentNotes.Select(n => new ContextItem("note", n.Id, n.Title, Clip(n.Body, 200), [n.CoverKey], n.CreatedAt, false, n.Status != NoteStatus.Published, $"/notes/{n.Id}")));
            var recentComments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == r.TargetAuthorId)
                .OrderByDescending(c => c.Id).Take(6).Select(c => new { c.Id, c.Body, c.CreatedAt, c.IsDeleted, c.NoteId }).ToListAsync(ct);
            items.AddRange(recentComments.Select(c => new ContextItem("comment", c.Id, null, c.Body, [], c.CreatedAt, false, c.IsDeleted, $"/notes/{c.NoteId}")));
        }
        return (status, items);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
