using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Moderation;

public sealed record ReportInput(ReportTargetType TargetType, string TargetKey, ReportReason Reason, string? Text);

public sealed record ReportPreview(ReportTargetType TargetType, string TargetKey, string AuthorId, string AuthorHandle, string Excerpt);

public sealed record ReportResult(long ReviewableId, double Weight, double Score, bool Hidden);

/// <summary>
/// Reporting: one open report per person per target (a unique index), merged into the target's one
/// reviewable whose score is the sum of the reports' weights. The score reaching the hide threshold hides
/// the target at once, pending review, and tells the author why.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    NotificationService notifications,
    IOptions<ModerationOptions> options,
    Limits.ActionLimiter limiter)
{
    public async Task<ReportResult> ReportAsync(string reporterId, ReportInput input, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(input.TargetType) || !Enum.IsDefined(input.Reason)) throw new DomainException(ModerationErrors.ReasonInvalid);
        var text = UserText.Paragraphs(input.Text);
        if (TextLength.Graphemes(text) > Report.TextMaxLength || text.Length > Report.TextMaxLength * 2)
            throw new DomainException(ModerationErrors.TextTooLong, Report.TextMaxLength);
        if (input.Reason == ReportReason.Other && text.Length == 0) throw new DomainException(ModerationErrors.TextRequired);
        var key = (input.TargetKey ?? "").Trim();
        if (key.Length is 0 or > Reviewable.TargetKeyMaxLength) throw new DomainException(ModerationErrors.TargetNotFound);
        var settings = options.Value;

        var (result, told) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            if (await db.Set<UserSanction>().AnyAsync(s => s.UserId == reporterId && s.BannedAt != null, ct))
                throw new DomainException(ModerationErrors.Banned);
            var authorId = await ModerationTargets.LiveAuthorAsync(db, input.TargetType, key, ct)
                ?? throw new DomainException(ModerationErrors.TargetNotFound);
            if (authorId == reporterId) throw new DomainException(ModerationErrors.OwnContent);
            await limiter.TakeAsync(db, reporterId, Limits.LimitedAction.Report, ct);

            var reviewable = await OpenReviewableAsync(db, input.TargetType, key, authorId, now, ct);
            var weight = await WeightAsync(db, reporterId, now, ct);
            var report = new Report
            {
                ReviewableId = reviewable.Id,
                Round = reviewable.Round,
                ReporterId = reporterId,
                Reason = input.Reason,
                Text = text,
                Weight = weight,
                CreatedAt = now,
            };
            if (!await UniqueInsert.TryInsertAsync(db, report, ct)) throw new DomainException(ModerationErrors.AlreadyReported);
            await db.Set<Reviewable>().Where(r => r.Id == reviewable.Id && r.Round == report.Round).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Score, r => r.Score + weight)
                .SetProperty(r => r.ReportCount, r => r.ReportCount + 1)
                .SetProperty(r => r.LatestReason, input.Reason), ct);
            var score = await db.Set<Reviewable>().Where(r => r.Id == reviewable.Id).Select(r => r.Score).SingleAsync(ct);

            var hidden = false;
            List<string> told = [];
            if (score >= settings.HideThreshold && ModerationTargets.CanHide(input.TargetType)
                // One report makes the crossing: the flag flips once per round.
                && await db.Set<Reviewable>().Where(r => r.Id == reviewable.Id && r.Round == report.Round && !r.AutoHidden && r.State != ReviewableState.Decided)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.AutoHidden, true), ct) == 1)
            {
                hidden = await ModerationTargets.HideAsync(db, input.TargetType, key, ct);
                var decision = new ModerationDecision
                {
                    ReviewableId = reviewable.Id,
                    Round = report.Round,
                    Action = ModerationAction.AutoHide,
                    Reason = "",
                    Score = score,
                    HideThreshold = settings.HideThreshold,
                    DecidedAt = now,
                };
                db.Add(decision);
                await db.SaveChangesAsync(ct);
                await db.Set<Reviewable>().Where(r => r.Id == reviewable.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastDecisionId, decision.Id), ct);
                if (hidden)
                {
                    Notify(db, authorId, decision.Id, now);
                    await db.SaveChangesAsync(ct);
                    told.Add(authorId);
                }
            }
            return (new ReportResult(reviewable.Id, weight, score, hidden), told);
        }, cancellationToken);
        await notifications.PublishUnreadAsync(told, cancellationToken);
        return result;
    }

    /// <summary>What the report form shows of the target: its author's handle and a short excerpt; null when it cannot be reported.</summary>
    public async Task<ReportPreview?> PreviewAsync(ReportTargetType type, string key, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(type) || string.IsNullOrEmpty(key) || key.Length > Reviewable.TargetKeyMaxLength) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var authorId = await ModerationTargets.LiveAuthorAsync(db, type, key, cancellationToken);
        if (authorId is null) return null;
        var handle = await db.Users.Where(u => u.Id == authorId).Select(u => u.Handle).SingleAsync(cancellationToken);
        var excerpt = await ModerationService.ExcerptAsync(db, type, key, cancellationToken);
        return new ReportPreview(type, key, authorId, handle, excerpt);
    }

    /// <summary>
    /// What one person's report adds: 1, plus trust from the account's age (0.5 after 30 days, 1 after a year)
    /// and a verified purchase (0.5), plus up to 2 for accuracy — the share of their decided reports that
    /// moderators upheld, counted fully from 5 decided reports on.
    /// </summary>
    public static async Task<double> WeightAsync(SocialStoreDbContext db, string reporterId, DateTimeOffset now, CancellationToken ct)
    {
        var createdAt = await db.Users.Where(u => u.Id == reporterId).Select(u => u.CreatedAt).SingleAsync(ct);
        var age = now - createdAt;
        var trust = age >= TimeSpan.FromDays(365) ? 1.0 : age >= TimeSpan.FromDays(30) ? 0.5 : 0.0;
        if (await db.PurchaseRecords.AnyAsync(p => p.UserId == reporterId, ct)) trust += 0.5;
        var upheld = await db.Set<Report>().CountAsync(r => r.ReporterId == reporterId && r.Upheld == true, ct);
        var rejected = await db.Set<Report>().CountAsync(r => r.ReporterId == reporterId && r.Upheld == false, ct);
        return 1 + trust + AccuracyBonus(upheld, rejected);
    }

    public static double AccuracyBonus(int upheld, int rejected)
    {
        var decided = upheld + rejected;
        return decided == 0 ? 0 : 2.0 * upheld / decided * Math.Min(1.0, decided / 5.0);
    }

    /// <summary>The target's reviewable, created by the first report (two first reports at once: the unique index picks one row) or reopened after a decision.</summary>
    private static async Task<Reviewable> OpenReviewableAsync(SocialStoreDbContext db, ReportTargetType type, string key, string authorId, DateTimeOffset now, CancellationToken ct)
    {
        var set = db.Set<Reviewable>();
        var existing = await set.AsNoTracking().FirstOrDefaultAsync(r => r.TargetType == type && r.TargetKey == key, ct);
        if (existing is null)
        {
            var created = new Reviewable
            {
                TargetType = type,
                TargetKey = key,
                TargetAuthorId = authorId,
                State = ReviewableState.Pending,
                Round = 1,
                CreatedAt = now,
                QueuedAt = now,
            };
            if (await UniqueInsert.TryInsertAsync(db, created, ct))
            {
                db.Entry(created).State = EntityState.Detached;
                return created;
            }
            existing = await set.AsNoTracking().SingleAsync(r => r.TargetType == type && r.TargetKey == key, ct);
        }
        if (existing.State == ReviewableState.Decided)
        {
            // A new report after a decision opens a new round (the earlier reports keep their outcome).
            await set.Where(r => r.Id == existing.Id && r.State == ReviewableState.Decided && r.Round == existing.Round).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReviewableState.Pending)
                .SetProperty(r => r.Round, r => r.Round + 1)
                .SetProperty(r => r.Score, 0.0)
                .SetProperty(r => r.ReportCount, 0)
                .SetProperty(r => r.AutoHidden, false)
                .SetProperty(r => r.QueuedAt, now), ct);
            existing = await set.AsNoTracking().SingleAsync(r => r.Id == existing.Id, ct);
        }
        return existing;
    }

    /// <summary>A moderation notice; its "actor" is the recipient, so no moderator or reporter is ever named.</summary>
    internal static void Notify(SocialStoreDbContext db, string recipientId, long decisionId, DateTimeOffset now) =>
        db.Notifications.Add(new Notification
        {
            RecipientId = recipientId,
            ActorId = recipientId,
            Kind = NotificationKind.Moderation,
            ModerationDecisionId = decisionId,
            CreatedAt = now,
        });
}
