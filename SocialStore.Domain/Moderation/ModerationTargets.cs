using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Search;
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
    /// questions and answers — and records each hidden row so that lifting the ban brings back exactly these.
    /// Set-based (ADR-063): one INSERT … SELECT records the visible rows, one UPDATE per kind hides them, the
    /// counters that counted them (comments and replies, answers) are recounted from the rows, and the hot
    /// scores of the notes whose comments left are refreshed — a fixed number of statements however many rows
    /// the author has (plus one per 1,000 notes commented on). Returns how many rows were hidden.
    /// </summary>
    public static async Task<int> HideAllContentAsync(SocialStoreDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        await RecordVisibleAsync(db, userId, now, ct);
        var count = await db.Notes.Where(n => n.AuthorId == userId && n.Status == NoteStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Hidden), ct);
        count += await db.Comments.Where(c => c.AuthorId == userId && !c.IsDeleted)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, true), ct);
        count += await db.Reviews.Where(r => r.AuthorId == userId && !r.IsHidden)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, true), ct);
        count += await db.Set<ProductQuestion>().Where(q => q.AskerId == userId && !q.IsHidden)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsHidden, true), ct);
        count += await db.Set<ProductAnswer>().Where(a => a.AuthorId == userId && !a.IsHidden)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsHidden, true), ct);
        await RecountAsync(db, userId, ct);
        return count;
    }

    /// <summary>
    /// Lifting a ban brings back what the ban hid, except a row that moderation hides on its own account: its
    /// last decision is hide, delete or the automatic hide, or it is hidden pending review (reports or
    /// screening). Set-based like the hide. Returns how many came back.
    /// </summary>
    public static async Task<int> RestoreBanHiddenAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var kept = (await db.Set<Reviewable>().AsNoTracking()
            .Where(r => r.TargetAuthorId == userId && r.TargetType != ReportTargetType.User
                && ((r.AutoHidden && r.State != ReviewableState.Decided)
                    || db.Set<ModerationDecision>().Any(d => d.Id == r.LastDecisionId
                        && (d.Action == ModerationAction.Hide || d.Action == ModerationAction.Delete || d.Action == ModerationAction.AutoHide))))
            .Select(r => new { r.TargetType, r.TargetKey }).ToListAsync(ct))
            .Select(r => (r.TargetType, Id: long.TryParse(r.TargetKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1))
            .ToList();
        long[] Kept(ReportTargetType type) => kept.Where(k => k.TargetType == type).Select(k => k.Id).ToArray();
        var keptNotes = Kept(ReportTargetType.Note);
        var keptComments = Kept(ReportTargetType.Comment);
        var keptReviews = Kept(ReportTargetType.Review);
        var keptQuestions = Kept(ReportTargetType.Question);
        var keptAnswers = Kept(ReportTargetType.Answer);
        var items = db.Set<BanHiddenItem>().Where(b => b.UserId == userId);
        var notes = items.Where(b => b.TargetType == ReportTargetType.Note && !keptNotes.Contains(b.TargetId)).Select(b => b.TargetId);
        var comments = items.Where(b => b.TargetType == ReportTargetType.Comment && !keptComments.Contains(b.TargetId)).Select(b => b.TargetId);
        var reviews = items.Where(b => b.TargetType == ReportTargetType.Review && !keptReviews.Contains(b.TargetId)).Select(b => b.TargetId);
        var questions = items.Where(b => b.TargetType == ReportTargetType.Question && !keptQuestions.Contains(b.TargetId)).Select(b => b.TargetId);
        var answers = items.Where(b => b.TargetType == ReportTargetType.Answer && !keptAnswers.Contains(b.TargetId)).Select(b => b.TargetId);

        // A note deleted while the ban stood and then restored by a moderator (held by the ban, ADR-058) comes
        // back as Note.Restore would bring it, then unhidden like the others.
        await db.Notes.Where(n => n.Status == NoteStatus.Deleted && notes.Contains(n.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, n => n.StatusBeforeDelete ?? NoteStatus.Published)
                .SetProperty(n => n.StatusBeforeDelete, (NoteStatus?)null)
                .SetProperty(n => n.DeletedAt, (DateTimeOffset?)null), ct);
        var count = await db.Notes.Where(n => n.Status == NoteStatus.Hidden && notes.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Published), ct);
        count += await db.Comments.Where(c => c.IsDeleted && comments.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, false), ct);
        count += await db.Reviews.Where(r => r.IsHidden && reviews.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, false), ct);
        count += await db.Set<ProductQuestion>().Where(q => q.IsHidden && questions.Contains(q.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsHidden, false), ct);
        count += await db.Set<ProductAnswer>().Where(a => a.IsHidden && answers.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsHidden, false), ct);
        // A ban leaves the search rows of the notes it hides (search reads only published notes); a note hidden on
        // its own before (its row removed) and held by the ban gets its row back here — usually none.
        var unindexed = await db.Notes.AsNoTracking()
            .Where(n => n.Status == NoteStatus.Published && notes.Contains(n.Id)
                && !db.Set<SearchDocument>().Any(d => d.Kind == SearchKind.Note && d.TargetId == n.Id.ToString()))
            .Select(n => new { n.Id, n.Title, n.Body, n.HotScore }).ToListAsync(ct);
        if (unindexed.Count > 0)
        {
            db.AddRange(unindexed.Select(n => SearchDocuments.NoteDocument(n.Id, n.Title, n.Body, n.HotScore)));
            await db.SaveChangesAsync(ct);
        }
        await RecountAsync(db, userId, ct);
        await db.Set<BanHiddenItem>().Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);
        return count;
    }

    /// <summary>One INSERT … SELECT: every visible row of the user not yet recorded becomes a <see cref="BanHiddenItem"/>.</summary>
    private static async Task RecordVisibleAsync(SocialStoreDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Table<T>() => Identifier(db, sql, typeof(T), null);
        string Column<T>(string property) => Identifier(db, sql, typeof(T), property);
        var record = typeof(BanHiddenItem);
        var parameters = new List<object>
        {
            userId, // {0}
            Provider(db, record, nameof(BanHiddenItem.HiddenAt), now), // {1}
            Provider(db, typeof(Note), nameof(Note.Status), NoteStatus.Published), // {2}
            false, // {3}
        };
        string Branch<T>(ReportTargetType type, string idColumn, string authorColumn, string visibleColumn, string visibleValue)
        {
            parameters.Add(Provider(db, record, nameof(BanHiddenItem.TargetType), type));
            var t = "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
            return $"SELECT {{0}}, {t}, x.{Column<T>(idColumn)}, {{1}} FROM {Table<T>()} AS x " +
                $"WHERE x.{Column<T>(authorColumn)} = {{0}} AND x.{Column<T>(visibleColumn)} = {visibleValue} " +
                $"AND NOT EXISTS (SELECT 1 FROM {Table<BanHiddenItem>()} AS b WHERE b.{Column<BanHiddenItem>(nameof(BanHiddenItem.UserId))} = {{0}} " +
                $"AND b.{Column<BanHiddenItem>(nameof(BanHiddenItem.TargetType))} = {t} AND b.{Column<BanHiddenItem>(nameof(BanHiddenItem.TargetId))} = x.{Column<T>(idColumn)})";
        }
        var branches = new[]
        {
            Branch<Note>(ReportTargetType.Note, nameof(Note.Id), nameof(Note.AuthorId), nameof(Note.Status), "{2}"),
            Branch<Comment>(ReportTargetType.Comment, nameof(Comment.Id), nameof(Comment.AuthorId), nameof(Comment.IsDeleted), "{3}"),
            Branch<Review>(ReportTargetType.Review, nameof(Review.Id), nameof(Review.AuthorId), nameof(Review.IsHidden), "{3}"),
            Branch<ProductQuestion>(ReportTargetType.Question, nameof(ProductQuestion.Id), nameof(ProductQuestion.AskerId), nameof(ProductQuestion.IsHidden), "{3}"),
            Branch<ProductAnswer>(ReportTargetType.Answer, nameof(ProductAnswer.Id), nameof(ProductAnswer.AuthorId), nameof(ProductAnswer.IsHidden), "{3}"),
        };
        var insert = $"INSERT INTO {Table<BanHiddenItem>()} ({Column<BanHiddenItem>(nameof(BanHiddenItem.UserId))}, " +
            $"{Column<BanHiddenItem>(nameof(BanHiddenItem.TargetType))}, {Column<BanHiddenItem>(nameof(BanHiddenItem.TargetId))}, " +
            $"{Column<BanHiddenItem>(nameof(BanHiddenItem.HiddenAt))}) " + string.Join(" UNION ALL ", branches);
        await db.Database.ExecuteSqlRawAsync(insert, parameters, ct);
    }

    /// <summary>
    /// The counters that count the user's comments and answers, recounted from the rows (a count stays a count of
    /// rows), and the hot scores of the notes the user commented on.
    /// </summary>
    private static async Task RecountAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var commented = db.Notes.Where(n => db.Comments.Any(c => c.NoteId == n.Id && c.AuthorId == userId));
        await commented.ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => db.Comments.Count(c => c.NoteId == n.Id && !c.IsDeleted)), ct);
        await db.Comments.Where(p => db.Comments.Any(c => c.ParentId == p.Id && c.AuthorId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReplyCount, p => db.Comments.Count(c => c.ParentId == p.Id && !c.IsDeleted)), ct);
        await db.Set<ProductQuestion>().Where(q => db.Set<ProductAnswer>().Any(a => a.QuestionId == q.Id && a.AuthorId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnswerCount, q => db.Set<ProductAnswer>().Count(a => a.QuestionId == q.Id && !a.IsHidden)), ct);
        await RefreshHotScoresAsync(db, commented, ct);
    }

    public const int HotScoreChunk = 1000;

    /// <summary>
    /// Recomputes the hot score of many notes: one read of their counters, then one UPDATE … CASE per 1,000
    /// notes (2,000 parameters stay under SQL Server's 2,100). The score is computed in C# by the one formula
    /// (<see cref="Ranking.HotScore"/>), as <see cref="NoteCounters.RefreshHotScoreAsync"/> does for one note.
    /// </summary>
    private static async Task RefreshHotScoresAsync(SocialStoreDbContext db, IQueryable<Note> notes, CancellationToken ct)
    {
        var discountedLikes = Engagement.EngagementDiscounts.Likes(db);
        var discountedCollects = Engagement.EngagementDiscounts.Collects(db);
        var rows = await notes.AsNoTracking()
            .Select(n => new
            {
                n.Id,
                n.LikeCount,
                n.CollectCount,
                n.CommentCount,
                n.ShareCount,
                n.CreatedAt,
                DiscountedLikes = discountedLikes.Count(l => l.NoteId == n.Id),
                DiscountedCollects = discountedCollects.Count(x => x.NoteId == n.Id),
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = Identifier(db, sql, typeof(Note), null);
        var id = Identifier(db, sql, typeof(Note), nameof(Note.Id));
        var hot = Identifier(db, sql, typeof(Note), nameof(Note.HotScore));
        foreach (var chunk in rows.Chunk(HotScoreChunk))
        {
            var parameters = new List<object>(chunk.Length * 2);
            var cases = new System.Text.StringBuilder();
            var ids = new List<string>(chunk.Length);
            foreach (var c in chunk)
            {
                var score = Ranking.HotScore(c.LikeCount - c.DiscountedLikes, c.CollectCount - c.DiscountedCollects, c.CommentCount, c.ShareCount, c.CreatedAt);
                var idParam = "{" + parameters.Count.ToString(CultureInfo.InvariantCulture) + "}";
                parameters.Add(c.Id);
                cases.Append(CultureInfo.InvariantCulture, $" WHEN {idParam} THEN {{{parameters.Count}}}");
                parameters.Add(score);
                ids.Add(idParam);
            }
            // Identifiers come from the model, every value is a parameter.
            var update = $"UPDATE {table} SET {hot} = CASE {id}{cases} END WHERE {id} IN ({string.Join(", ", ids)})";
            await db.Database.ExecuteSqlRawAsync(update, parameters, ct);
        }
    }

    /// <summary>A table's (property null) or a column's name as the provider quotes it.</summary>
    private static string Identifier(SocialStoreDbContext db, ISqlGenerationHelper sql, Type entity, string? property)
    {
        var type = db.Model.FindEntityType(entity)!;
        var table = type.GetTableName()!;
        var schema = type.GetSchema();
        if (property is null) return sql.DelimitIdentifier(table, schema);
        return sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(table, schema))!);
    }

    /// <summary>A value as the provider stores it (enums as text, times as UTC ticks: the model's converters).</summary>
    private static object Provider(SocialStoreDbContext db, Type entity, string property, object value) =>
        db.Model.FindEntityType(entity)!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;

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
