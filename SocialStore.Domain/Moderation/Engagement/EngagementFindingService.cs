using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Moderation.Engagement;

public sealed record ScanResult(int Rings, int Bursts, int Duplicates, int New);

public sealed record FindingMemberRow(string UserId, string Handle, string DisplayName, int Internal, int Total);

public sealed record FindingRow(
    long Id, FindingKind Kind, FindingStatus Status, long? NoteId, int MemberCount, IReadOnlyList<FindingMemberRow> Members,
    FindingEvidence Evidence, DateTimeOffset DetectedAt, DateTimeOffset LastSeenAt, string? DecidedByHandle, DateTimeOffset? DecidedAt, string DecisionNote);

/// <summary>
/// Scans engagement for rings, bursts and duplicate reviews (on demand and from <see cref="EngagementWorker"/>),
/// stores each finding once, and records a moderator's decision: confirm discounts the members' engagement
/// from the hot score (and so from search engagement); clear changes nothing. Never a sanction (ADR-047).
/// </summary>
public sealed class EngagementFindingService(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    IOptions<EngagementOptions> options)
{
    public const string AuditConfirm = "engagement.confirm";
    public const string AuditClear = "engagement.clear";
    public const string AuditTarget = "engagement";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ScanResult> ScanAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        ModerationService.RequireStaff(actor);
        return await ScanAsync(cancellationToken);
    }

    /// <summary>Reads the window's engagement, runs the detectors, inserts the findings not stored yet.</summary>
    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var detector = o.Detector();
        var now = clock.GetUtcNow();
        var since = now.AddDays(-Math.Clamp(o.WindowDays, 1, 365));
        var friendsBefore = now.AddDays(-Math.Max(1, o.LongMutualFollowDays));
        var youngSince = since - detector.NewAccountAge;

        List<EngagementAct> acts;
        HashSet<(string, string)> friends;
        List<NoteLikeAct> youngLikes;
        List<ReviewText> reviews;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // One query: likes, collects and follows of the window, each aimed at a person.
            var rows = await db.NoteLikes.AsNoTracking().Where(l => l.CreatedAt >= since)
                    .Join(db.Notes, l => l.NoteId, n => n.Id, (l, n) => new { Actor = l.UserId, Target = n.AuthorId, At = l.CreatedAt })
                .Concat(db.Collects.AsNoTracking().Where(c => c.CreatedAt >= since)
                    .Join(db.Notes, c => c.NoteId, n => n.Id, (c, n) => new { Actor = c.UserId, Target = n.AuthorId, At = c.CreatedAt }))
                .Concat(db.Follows.AsNoTracking().Where(f => f.CreatedAt >= since)
                    .Select(f => new { Actor = f.FollowerId, Target = f.FolloweeId, At = f.CreatedAt }))
                .ToListAsync(cancellationToken);
            acts = rows.Select(r => new EngagementAct(r.Actor, r.Target, r.At)).ToList();

            var pairs = await (from a in db.Follows.AsNoTracking()
                               join b in db.Follows.AsNoTracking() on new { X = a.FollowerId, Y = a.FolloweeId } equals new { X = b.FolloweeId, Y = b.FollowerId }
                               where a.CreatedAt < friendsBefore && b.CreatedAt < friendsBefore
                               select new { a.FollowerId, a.FolloweeId }).ToListAsync(cancellationToken);
            friends = pairs.Select(p => EngagementDetector.Pair(p.FollowerId, p.FolloweeId)).ToHashSet();

            youngLikes = (await (from l in db.NoteLikes.AsNoTracking()
                                 join u in db.Users on l.UserId equals u.Id
                                 where l.CreatedAt >= since && u.CreatedAt >= youngSince
                                 select new { l.NoteId, l.UserId, l.CreatedAt, UserCreatedAt = u.CreatedAt }).ToListAsync(cancellationToken))
                .Select(r => new NoteLikeAct(r.NoteId, r.UserId, r.CreatedAt, r.UserCreatedAt)).ToList();

            reviews = (await db.Reviews.AsNoTracking().Where(r => r.CreatedAt >= since)
                    .Select(r => new { r.Id, r.AuthorId, r.Body }).ToListAsync(cancellationToken))
                .Select(r => new ReviewText(r.Id, r.AuthorId, r.Body)).ToList();
        }

        var rings = EngagementDetector.FindRings(acts, friends, detector);
        var bursts = EngagementDetector.FindBursts(youngLikes, detector);
        var duplicates = EngagementDetector.FindDuplicateReviews(reviews, detector);
        var days = Math.Clamp(o.WindowDays, 1, 365);

        var candidates = new List<(FindingKind Kind, string Key, long? NoteId, IReadOnlyList<string> Members, FindingEvidence Evidence)>();
        candidates.AddRange(rings.Select(r => (FindingKind.Ring, r.Key, (long?)null, (IReadOnlyList<string>)r.Members.Select(m => m.UserId).ToList(),
            new FindingEvidence(r.Members.Select(m => new MemberEvidence(m.UserId, m.Internal, m.Total)).ToList(), days))));
        candidates.AddRange(bursts.Select(b => (FindingKind.Burst, b.Key, (long?)b.NoteId, b.Members,
            new FindingEvidence(b.Members.Select(m => new MemberEvidence(m, 1, 1)).ToList(), days, b.Likes, b.WindowStart))));
        candidates.AddRange(duplicates.Select(d => (FindingKind.DuplicateReview, d.Key, (long?)null, d.Members,
            new FindingEvidence(d.Members.Select(m => new MemberEvidence(m, 1, 1)).ToList(), days, Text: Clip(d.Sample, 500), ReviewIds: d.ReviewIds.Take(50).ToList()))));

        var added = 0;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var keys = candidates.Select(c => c.Key).ToList();
            var known = (await db.Set<EngagementFinding>().Where(f => keys.Contains(f.Key)).Select(f => new { f.Kind, f.Key }).ToListAsync(cancellationToken))
                .Select(f => (f.Kind, f.Key)).ToHashSet();
            await db.Set<EngagementFinding>().Where(f => keys.Contains(f.Key))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastSeenAt, now), cancellationToken);
            foreach (var c in candidates.Where(c => !known.Contains((c.Kind, c.Key))))
            {
                var evidence = JsonSerializer.Serialize(c.Evidence, Json);
                if (evidence.Length > EngagementFinding.EvidenceMaxLength)
                    evidence = JsonSerializer.Serialize(c.Evidence with { Members = c.Evidence.Members.Take(40).ToList() }, Json);
                var finding = new EngagementFinding
                {
                    Kind = c.Kind,
                    Key = c.Key,
                    NoteId = c.NoteId,
                    MemberCount = c.Members.Count,
                    Evidence = evidence,
                    Status = FindingStatus.Open,
                    DetectedAt = now,
                    LastSeenAt = now,
                };
                db.Add(finding);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    // Another scan stored it first.
                    db.ChangeTracker.Clear();
                    continue;
                }
                db.AddRange(c.Members.Select(m => new EngagementFindingMember { FindingId = finding.Id, UserId = m }));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                added++;
            }
        }
        return new ScanResult(rings.Count, bursts.Count, duplicates.Count, added);
    }

    public async Task<IReadOnlyList<FindingRow>> ListAsync(ClaimsPrincipal actor, FindingStatus? status, CancellationToken cancellationToken)
    {
        ModerationService.RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.Set<EngagementFinding>().AsNoTracking();
        if (status is { } s) q = q.Where(f => f.Status == s);
        var findings = await q.OrderBy(f => f.Status == FindingStatus.Open ? 0 : 1).ThenByDescending(f => f.DetectedAt).ThenByDescending(f => f.Id)
            .Take(200).ToListAsync(cancellationToken);
        var ids = findings.Select(f => f.Id).ToList();
        var members = await (from m in db.Set<EngagementFindingMember>().AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where ids.Contains(m.FindingId)
                             select new { m.FindingId, m.UserId, u.Handle, u.DisplayName }).ToListAsync(cancellationToken);
        var deciders = findings.Where(f => f.DecidedById != null).Select(f => f.DecidedById!).Distinct().ToList();
        var handles = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Handle, cancellationToken);
        return findings.Select(f =>
        {
            var evidence = JsonSerializer.Deserialize<FindingEvidence>(f.Evidence, Json) ?? new FindingEvidence([], 0);
            var byUser = evidence.Members.ToDictionary(m => m.UserId);
            var rows = members.Where(m => m.FindingId == f.Id)
                .Select(m => new FindingMemberRow(m.UserId, m.Handle, m.DisplayName, byUser.GetValueOrDefault(m.UserId)?.Internal ?? 0, byUser.GetValueOrDefault(m.UserId)?.Total ?? 0))
                .OrderBy(m => m.Handle, StringComparer.Ordinal).ToList();
            return new FindingRow(f.Id, f.Kind, f.Status, f.NoteId, f.MemberCount, rows, evidence, f.DetectedAt, f.LastSeenAt,
                f.DecidedById is null ? null : handles.GetValueOrDefault(f.DecidedById), f.DecidedAt, f.DecisionNote);
        }).ToList();
    }

    /// <summary>
    /// Confirms or clears an open finding. One conditional update decides (Open → Confirmed/Cleared): of two
    /// moderators acting at once one wins, the other gets <see cref="EngagementErrors.AlreadyDecided"/>.
    /// Confirming recomputes the hot score of every note the discount touches, in the same transaction.
    /// </summary>
    public async Task DecideAsync(ClaimsPrincipal actor, long findingId, bool confirm, string? note, CancellationToken cancellationToken)
    {
        var moderatorId = ModerationService.RequireStaff(actor);
        note = (note ?? "").Trim();
        if (note.Length > EngagementFinding.NoteMaxLength) throw new DomainException(EngagementErrors.NoteTooLong);
        var status = confirm ? FindingStatus.Confirmed : FindingStatus.Cleared;
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var changed = await db.Set<EngagementFinding>().Where(f => f.Id == findingId && f.Status == FindingStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Status, status)
                    .SetProperty(f => f.DecidedById, moderatorId)
                    .SetProperty(f => f.DecidedAt, now)
                    .SetProperty(f => f.DecisionNote, note), ct);
            if (changed == 0)
            {
                var exists = await db.Set<EngagementFinding>().AnyAsync(f => f.Id == findingId, ct);
                throw new DomainException(exists ? EngagementErrors.AlreadyDecided : EngagementErrors.FindingNotFound);
            }
            var finding = await db.Set<EngagementFinding>().AsNoTracking().SingleAsync(f => f.Id == findingId, ct);
            var touched = 0;
            if (confirm)
            {
                foreach (var noteId in await AffectedNotesAsync(db, finding, ct))
                {
                    await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
                    touched++;
                }
            }
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                ActorId = moderatorId,
                Action = confirm ? AuditConfirm : AuditClear,
                TargetType = AuditTarget,
                TargetId = findingId.ToString(CultureInfo.InvariantCulture),
                Reason = note,
                Before = FindingStatus.Open.ToString(),
                After = Clip($"{status} {finding.Kind} members={finding.MemberCount} notes={touched}", AuditEntry.ValueMaxLength),
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
    }

    /// <summary>Refreshes the hot score of every note a confirmed finding discounts (catches up with shares, which bypass the discount).</summary>
    public async Task<int> RefreshDiscountedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var confirmed = await db.Set<EngagementFinding>().AsNoTracking().Where(f => f.Status == FindingStatus.Confirmed).ToListAsync(cancellationToken);
        var notes = new HashSet<long>();
        foreach (var f in confirmed) notes.UnionWith(await AffectedNotesAsync(db, f, cancellationToken));
        foreach (var id in notes) await NoteCounters.RefreshHotScoreAsync(db, id, cancellationToken);
        return notes.Count;
    }

    private static async Task<List<long>> AffectedNotesAsync(SocialStoreDbContext db, EngagementFinding finding, CancellationToken ct)
    {
        if (finding.Kind == FindingKind.Burst) return finding.NoteId is { } id ? [id] : [];
        if (finding.Kind != FindingKind.Ring) return [];
        var members = db.Set<EngagementFindingMember>().Where(m => m.FindingId == finding.Id).Select(m => m.UserId);
        return await db.Notes.Where(n => members.Contains(n.AuthorId)
                && (db.NoteLikes.Any(l => l.NoteId == n.Id && members.Contains(l.UserId)) || db.Collects.Any(c => c.NoteId == n.Id && members.Contains(c.UserId))))
            .Select(n => n.Id).ToListAsync(ct);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
