using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Moderation;

/// <summary>What moderation needs to know about a target, and the one place that hides, restores and deletes each kind.</summary>
internal static class ModerationTargets
{
    /// <summary>The author of a target that exists and is visible (not deleted), or null.</summary>
    public static async Task<string?> LiveAuthorAsync(SocialStoreDbContext db, ReportTargetType type, string key, CancellationToken ct)
    {
        if (type == ReportTargetType.User)
            return await db.Users.AsNoTracking().Where(u => u.Id == key).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return type switch
        {
            ReportTargetType.Note => await db.Notes.AsNoTracking().Where(n => n.Id == id && n.Status == NoteStatus.Published).Select(n => n.AuthorId).FirstOrDefaultAsync(ct),
            ReportTargetType.Comment => await db.Comments.AsNoTracking().Where(c => c.Id == id && !c.IsDeleted).Select(c => c.AuthorId).FirstOrDefaultAsync(ct),
            ReportTargetType.Review => await db.Reviews.AsNoTracking().Where(r => r.Id == id && !r.IsHidden).Select(r => r.AuthorId).FirstOrDefaultAsync(ct),
            ReportTargetType.Question => await db.Set<ProductQuestion>().AsNoTracking().Where(q => q.Id == id && !q.IsHidden).Select(q => q.AskerId).FirstOrDefaultAsync(ct),
            ReportTargetType.Answer => await db.Set<ProductAnswer>().AsNoTracking().Where(a => a.Id == id && !a.IsHidden).Select(a => a.AuthorId).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    /// <summary>Whether hide, restore and delete apply to the kind (users are muted or banned instead).</summary>
    public static bool CanHide(ReportTargetType type) => type != ReportTargetType.User;

    /// <summary>Hides the target from public pages. Returns whether it changed.</summary>
    public static async Task<bool> HideAsync(SocialStoreDbContext db, ReportTargetType type, string key, CancellationToken ct)
    {
        var id = long.Parse(key, CultureInfo.InvariantCulture);
        if (type == ReportTargetType.Note)
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct);
            if (note is null || !note.Hide()) return false;
            await db.SaveChangesAsync(ct);
            return true;
        }
        if (type == ReportTargetType.Comment) return await SetCommentGoneAsync(db, id, gone: true, ct);
        return await SetProductContentHiddenAsync(db, type, id, hidden: true, ct);
    }

    /// <summary>Puts a hidden or deleted target back. Returns whether it changed.</summary>
    public static async Task<bool> RestoreAsync(SocialStoreDbContext db, ReportTargetType type, string key, CancellationToken ct)
    {
        var id = long.Parse(key, CultureInfo.InvariantCulture);
        if (type == ReportTargetType.Note)
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct);
            if (note is null) return false;
            var changed = note.Status == NoteStatus.Deleted;
            note.Restore();
            changed |= note.Unhide();
            await db.SaveChangesAsync(ct);
            return changed;
        }
        if (type == ReportTargetType.Comment) return await SetCommentGoneAsync(db, id, gone: false, ct);
        return await SetProductContentHiddenAsync(db, type, id, hidden: false, ct);
    }

    public static async Task<bool> DeleteAsync(SocialStoreDbContext db, ReportTargetType type, string key, DateTimeOffset now, CancellationToken ct)
    {
        var id = long.Parse(key, CultureInfo.InvariantCulture);
        if (type == ReportTargetType.Note)
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct);
            if (note is null || note.Status == NoteStatus.Deleted) return false;
            // A hidden note deleted and later restored comes back published: the restore is the moderator's verdict.
            note.Unhide();
            note.Delete(now);
            await db.SaveChangesAsync(ct);
            return true;
        }
        // A comment has one way of being gone; its text is kept for moderators either way.
        if (type == ReportTargetType.Comment) return await SetCommentGoneAsync(db, id, gone: true, ct);
        // Reviews and Q&A have one way of being gone too: hidden, kept for moderators and a restore.
        return await SetProductContentHiddenAsync(db, type, id, hidden: true, ct);
    }

    /// <summary>
    /// A ban hides everything of the user that public pages show — published notes, comments, reviews,
    /// questions and answers — each through the one place that hides its kind (so comment and answer
    /// counters follow), and records each hidden row so that lifting the ban brings back exactly these.
    /// Returns how many were hidden.
    /// </summary>
    public static async Task<int> HideAllContentAsync(SocialStoreDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var visible = new List<(ReportTargetType Type, long Id)>();
        visible.AddRange((await db.Notes.AsNoTracking().Where(n => n.AuthorId == userId && n.Status == NoteStatus.Published)
            .Select(n => n.Id).ToListAsync(ct)).Select(id => (ReportTargetType.Note, id)));
        visible.AddRange((await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId && !c.IsDeleted)
            .Select(c => c.Id).ToListAsync(ct)).Select(id => (ReportTargetType.Comment, id)));
        visible.AddRange((await db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId && !r.IsHidden)
            .Select(r => r.Id).ToListAsync(ct)).Select(id => (ReportTargetType.Review, id)));
        visible.AddRange((await db.Set<ProductQuestion>().AsNoTracking().Where(q => q.AskerId == userId && !q.IsHidden)
            .Select(q => q.Id).ToListAsync(ct)).Select(id => (ReportTargetType.Question, id)));
        visible.AddRange((await db.Set<ProductAnswer>().AsNoTracking().Where(a => a.AuthorId == userId && !a.IsHidden)
            .Select(a => a.Id).ToListAsync(ct)).Select(id => (ReportTargetType.Answer, id)));
        // A row restored on its own during an earlier ban still has its record: keep one record per row.
        var recorded = (await db.Set<BanHiddenItem>().AsNoTracking().Where(b => b.UserId == userId)
            .Select(b => new { b.TargetType, b.TargetId }).ToListAsync(ct)).Select(b => (b.TargetType, b.TargetId)).ToHashSet();
        var count = 0;
        foreach (var (type, id) in visible)
        {
            if (!await HideAsync(db, type, id.ToString(CultureInfo.InvariantCulture), ct)) continue;
            count++;
            if (recorded.Add((type, id)))
                db.Set<BanHiddenItem>().Add(new BanHiddenItem { UserId = userId, TargetType = type, TargetId = id, HiddenAt = now });
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>
    /// Lifting a ban brings back what the ban hid, except a row that moderation hides on its own account: its
    /// last decision is hide, delete or the automatic hide, or it is hidden pending review (reports or
    /// screening). Returns how many came back.
    /// </summary>
    public static async Task<int> RestoreBanHiddenAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var items = await db.Set<BanHiddenItem>().AsNoTracking().Where(b => b.UserId == userId)
            .Select(b => new { b.TargetType, b.TargetId }).ToListAsync(ct);
        var keptHidden = (await db.Set<Reviewable>().AsNoTracking()
            .Where(r => r.TargetAuthorId == userId && r.TargetType != ReportTargetType.User
                && ((r.AutoHidden && r.State != ReviewableState.Decided)
                    || db.Set<ModerationDecision>().Any(d => d.Id == r.LastDecisionId
                        && (d.Action == ModerationAction.Hide || d.Action == ModerationAction.Delete || d.Action == ModerationAction.AutoHide))))
            .Select(r => new { r.TargetType, r.TargetKey }).ToListAsync(ct))
            .Select(r => (r.TargetType, r.TargetKey)).ToHashSet();
        var count = 0;
        foreach (var item in items)
        {
            var key = item.TargetId.ToString(CultureInfo.InvariantCulture);
            if (!keptHidden.Contains((item.TargetType, key)) && await RestoreAsync(db, item.TargetType, key, ct)) count++;
        }
        await db.Set<BanHiddenItem>().Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);
        return count;
    }

    /// <summary>
    /// Records a hidden or deleted row of a banned user as hidden by the ban (once per row), so that lifting
    /// the ban brings it back: a moderator's restore or approval while the ban stands lands here (ADR-058).
    /// </summary>
    public static async Task RecordBanHiddenAsync(SocialStoreDbContext db, string userId, ReportTargetType type, string key, DateTimeOffset now, CancellationToken ct)
    {
        var id = long.Parse(key, CultureInfo.InvariantCulture);
        if (await db.Set<BanHiddenItem>().AnyAsync(b => b.UserId == userId && b.TargetType == type && b.TargetId == id, ct)) return;
        await UniqueInsert.TryInsertAsync(db, new BanHiddenItem { UserId = userId, TargetType = type, TargetId = id, HiddenAt = now }, ct);
    }

    /// <summary>Hides or shows a review, question or answer; returns whether it changed.</summary>
    private static async Task<bool> SetProductContentHiddenAsync(SocialStoreDbContext db, ReportTargetType type, long id, bool hidden, CancellationToken ct) => type switch
    {
        ReportTargetType.Review => await db.Reviews.Where(r => r.Id == id && r.IsHidden != hidden).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, hidden), ct) > 0,
        ReportTargetType.Question => await db.Set<ProductQuestion>().Where(q => q.Id == id && q.IsHidden != hidden).ExecuteUpdateAsync(s => s.SetProperty(q => q.IsHidden, hidden), ct) > 0,
        ReportTargetType.Answer => await SetAnswerHiddenAsync(db, id, hidden, ct),
        _ => false,
    };

    /// <summary>An answer hidden or shown, with its question's AnswerCount (which counts visible answers only).</summary>
    private static async Task<bool> SetAnswerHiddenAsync(SocialStoreDbContext db, long id, bool hidden, CancellationToken ct)
    {
        if (await db.Set<ProductAnswer>().Where(a => a.Id == id && a.IsHidden != hidden).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsHidden, hidden), ct) == 0)
            return false;
        var questionId = await db.Set<ProductAnswer>().Where(a => a.Id == id).Select(a => a.QuestionId).SingleAsync(ct);
        var delta = hidden ? -1 : +1;
        await db.Set<ProductQuestion>().Where(q => q.Id == questionId && q.AnswerCount + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnswerCount, q => q.AnswerCount + delta), ct);
        return true;
    }

    /// <summary>A comment leaves (or returns to) its thread with the counters that count it, like the author's own delete.</summary>
    private static async Task<bool> SetCommentGoneAsync(SocialStoreDbContext db, long id, bool gone, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.NoteId, c.ParentId }).FirstOrDefaultAsync(ct);
        if (comment is null) return false;
        var changed = await db.Comments.Where(c => c.Id == id && c.IsDeleted != gone)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, gone), ct);
        if (changed == 0) return false;
        var delta = gone ? -1 : +1;
        if (comment.ParentId is { } p)
            await db.Comments.Where(c => c.Id == p && c.ReplyCount + delta >= 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => c.ReplyCount + delta), ct);
        await db.Notes.Where(n => n.Id == comment.NoteId && n.CommentCount + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount + delta), ct);
        await NoteCounters.RefreshHotScoreAsync(db, comment.NoteId, ct);
        return true;
    }
}
