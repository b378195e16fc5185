using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.PersonalData;

/// <summary>
/// Erases accounts whose grace period is over (PIPL Art. 47, ADR-051). Each account in one transaction that
/// starts by moving its request from Pending to Done with a conditional UPDATE: the statement's row lock makes a
/// second node (or a sign-in cancelling at the same moment) wait and then find nothing to do, so an account is
/// erased once. Files (avatar, removed note and review images) are deleted after the commit.
/// </summary>
public sealed class AccountEraser(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    IOptions<AccountDeletionOptions> options,
    FileDeletions fileDeletions,
    ILogger<AccountEraser>? logger = null)
{
    /// <summary>The display name every erased account shows, in both languages (the row is not per language).</summary>
    public const string DeletedDisplayName = "已注销用户 / Deleted user";

    private static readonly DateTimeOffset LockedForEver = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ILogger logger = logger ?? NullLogger<AccountEraser>.Instance;

    /// <summary>Erases at most one batch of due accounts; returns how many this call erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.AccountDeletions.AsNoTracking().Where(d => d.Status == DeletionStatus.Pending && d.DueAt <= now)
                .OrderBy(d => d.DueAt).Select(d => d.Id).Take(Math.Max(1, options.Value.BatchSize)).ToListAsync(cancellationToken);
        }
        var erased = 0;
        foreach (var id in due)
        {
            try
            {
                if (await EraseAsync(id, cancellationToken)) erased++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Rolled back: still Pending, tried again next round.
                this.logger.LogWarning(ex, "Erasing account deletion {Id} failed", id);
            }
        }
        return erased;
    }

    /// <summary>Erases the account of one due request; false when it is not (or no longer) due and pending.</summary>
    public async Task<bool> EraseAsync(long deletionId, CancellationToken cancellationToken)
    {
        var files = await DbTransactions.RunAsync(dbFactory, (db, ct) => EraseInTransactionAsync(db, deletionId, ct), cancellationToken);
        if (files is null) return false;
        // After the commit; a crash before this leaves the pending rows for the abandoned-upload sweep (ADR-064).
        await fileDeletions.DeleteAsync(files, cancellationToken);
        return true;
    }

    private async Task<List<string>?> EraseInTransactionAsync(SocialStoreDbContext db, long deletionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = await db.AccountDeletions.AsNoTracking().Where(d => d.Id == deletionId).Select(d => new { d.UserId, d.Content }).FirstOrDefaultAsync(ct);
        if (request is null) return null;
        var claimed = await db.AccountDeletions.Where(d => d.Id == deletionId && d.Status == DeletionStatus.Pending && d.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeletionStatus.Done).SetProperty(d => d.DoneAt, now), ct);
        if (claimed == 0) return null;

        var userId = request.UserId;
        var files = new List<string>();
        var avatar = await db.Users.Where(u => u.Id == userId).Select(u => u.AvatarKey).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(avatar)) files.Add(avatar);

        var touchedNotes = new HashSet<long>();
        await EraseEngagementAsync(db, userId, touchedNotes, ct);
        await ErasePrivateRowsAsync(db, userId, ct);
        // Drafts were never published: they go whatever the choice.
        await RemoveNotesAsync(db, db.Notes.Where(n => n.AuthorId == userId && n.Status == NoteStatus.Draft), files, now, ct);
        if (request.Content == DeletionContent.Remove) await RemoveContentAsync(db, userId, files, touchedNotes, now, ct);
        await AnonymiseOrdersAsync(db, userId, ct);
        await EraseAccountAsync(db, userId, ct);

        foreach (var noteId in touchedNotes) await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
        logger.LogInformation("Erased account {UserId} ({Content})", userId, request.Content);
        FileDeletions.Queue(db, files, now);
        await db.SaveChangesAsync(ct);
        return files;
    }

    /// <summary>Likes, collects, boards, follows and comment likes go; every counter that counted them is recounted from the rows.</summary>
    private static async Task EraseEngagementAsync(SocialStoreDbContext db, string userId, HashSet<long> touchedNotes, CancellationToken ct)
    {
        var liked = await db.NoteLikes.Where(l => l.UserId == userId).Select(l => l.NoteId).ToListAsync(ct);
        await db.NoteLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Notes.Where(n => liked.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => db.NoteLikes.Count(l => l.NoteId == n.Id)), ct);

        var collected = await db.Collects.Where(c => c.UserId == userId).Select(c => c.NoteId).Distinct().ToListAsync(ct);
        await db.Collects.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Notes.Where(n => collected.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => db.Collects.Count(c => c.NoteId == n.Id)), ct);
        await db.Boards.Where(b => b.OwnerId == userId).ExecuteDeleteAsync(ct);
        touchedNotes.UnionWith(liked);
        touchedNotes.UnionWith(collected);

        var likedComments = await db.CommentLikes.Where(l => l.UserId == userId).Select(l => l.CommentId).ToListAsync(ct);
        await db.CommentLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Comments.Where(c => likedComments.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => db.CommentLikes.Count(l => l.CommentId == c.Id)), ct);

        var others = await db.Follows.Where(f => f.FollowerId == userId || f.FolloweeId == userId)
            .Select(f => f.FollowerId == userId ? f.FolloweeId : f.FollowerId).Distinct().ToListAsync(ct);
        await db.Follows.Where(f => f.FollowerId == userId || f.FolloweeId == userId).ExecuteDeleteAsync(ct);
        others.Add(userId);
        await db.Users.Where(u => others.Contains(u.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FollowerCount, u => db.Follows.Count(f => f.FolloweeId == u.Id))
            .SetProperty(u => u.FollowingCount, u => db.Follows.Count(f => f.FollowerId == u.Id)), ct);

        var voted = await db.ReviewVotes.Where(v => v.UserId == userId).Select(v => v.ReviewId).ToListAsync(ct);
        await db.ReviewVotes.Where(v => v.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Reviews.Where(r => voted.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HelpfulCount, r => db.ReviewVotes.Count(v => v.ReviewId == r.Id)), ct);
    }

    /// <summary>Rows that are only about the person: gone whatever the content choice.</summary>
    private static async Task ErasePrivateRowsAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var cartOwner = CartItem.UserOwner(userId);
        await db.CartItems.Where(c => c.OwnerKey == cartOwner).ExecuteDeleteAsync(ct);
        await db.Addresses.Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Notifications.Where(n => n.RecipientId == userId).ExecuteDeleteAsync(ct);
        // What the person did to others (likes, follows, comments) announced under their name goes too; staff decisions stay.
        await db.Notifications.Where(n => n.ActorId == userId && n.Kind != NotificationKind.Moderation && n.Kind != NotificationKind.OrderUpdate).ExecuteDeleteAsync(ct);
        await db.BehaviourEvents.Where(e => e.UserId == userId).ExecuteDeleteAsync(ct);
        await db.RecommendationFeedback.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.PersonalisationSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AttributionTouches.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        // No new invitations under the erased name, no new commissions.
        await db.InviteCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Creators.Where(c => c.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false), ct);
        // What the person wrote in reports is theirs; the report and its outcome stay for the moderators.
        await db.Set<SocialStore.Domain.Moderation.Report>().Where(r => r.ReporterId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, ""), ct);
    }

    private static async Task RemoveNotesAsync(SocialStoreDbContext db, IQueryable<Note> notes, List<string> files, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await notes.Select(n => n.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        files.AddRange(await db.NoteImages.Where(i => ids.Contains(i.NoteId)).Select(i => i.StorageKey).ToListAsync(ct));
        files.AddRange(await db.Notes.Where(n => ids.Contains(n.Id) && n.CoverKey != "").Select(n => n.CoverKey).ToListAsync(ct));
        await db.NoteImages.Where(i => ids.Contains(i.NoteId)).ExecuteDeleteAsync(ct);
        await db.NoteTopics.Where(t => ids.Contains(t.NoteId)).ExecuteDeleteAsync(ct);
        await db.NoteProducts.Where(p => ids.Contains(p.NoteId)).ExecuteDeleteAsync(ct);
        // Kept as a deleted row (commissions, share links and reports refer to it), with nothing of its text.
        await db.Notes.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Title, "").SetProperty(n => n.Body, "").SetProperty(n => n.CoverKey, "")
            .SetProperty(n => n.Status, NoteStatus.Deleted).SetProperty(n => n.StatusBeforeDelete, (NoteStatus?)null)
            .SetProperty(n => n.DeletedAt, now), ct);
    }

    private static async Task RemoveContentAsync(SocialStoreDbContext db, string userId, List<string> files, HashSet<long> touchedNotes, DateTimeOffset now, CancellationToken ct)
    {
        await RemoveNotesAsync(db, db.Notes.Where(n => n.AuthorId == userId), files, now, ct);

        // Comments keep their place in threads (replies of others hang on them) with no text.
        var commented = await db.Comments.Where(c => c.AuthorId == userId).Select(c => new { c.Id, c.NoteId, c.ParentId }).ToListAsync(ct);
        var commentIds = commented.Select(c => c.Id).ToList();
        await db.Comments.Where(c => c.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Body, "").SetProperty(c => c.IsDeleted, true), ct);
        await db.Notifications.Where(n => n.CommentId != null && commentIds.Contains(n.CommentId.Value)).ExecuteDeleteAsync(ct);
        var threadNotes = commented.Select(c => c.NoteId).Distinct().ToList();
        await db.Notes.Where(n => threadNotes.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => db.Comments.Count(c => c.NoteId == n.Id && !c.IsDeleted)), ct);
        var parents = commented.Where(c => c.ParentId != null).Select(c => c.ParentId!.Value).Distinct().ToList();
        await db.Comments.Where(c => parents.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => db.Comments.Count(r => r.ParentId == c.Id && !r.IsDeleted)), ct);
        touchedNotes.UnionWith(threadNotes);

        var reviews = db.Reviews.Where(r => r.AuthorId == userId);
        files.AddRange(await db.ReviewImages.Where(i => reviews.Any(r => r.Id == i.ReviewId)).Select(i => i.StorageKey).ToListAsync(ct));
        await db.ReviewImages.Where(i => reviews.Any(r => r.Id == i.ReviewId)).ExecuteDeleteAsync(ct);
        await db.Set<ReviewRevision>().Where(v => reviews.Any(r => r.Id == v.ReviewId)).ExecuteDeleteAsync(ct);
        await reviews.ExecuteUpdateAsync(s => s.SetProperty(r => r.Body, "").SetProperty(r => r.HasPhotos, false).SetProperty(r => r.IsHidden, true), ct);

        await db.Set<ProductQuestion>().Where(q => q.AskerId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Body, "").SetProperty(q => q.IsHidden, true), ct);
        var answered = await db.Set<ProductAnswer>().Where(a => a.AuthorId == userId).Select(a => a.QuestionId).Distinct().ToListAsync(ct);
        await db.Set<ProductAnswer>().Where(a => a.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Body, "").SetProperty(a => a.IsHidden, true), ct);
        await db.Set<ProductQuestion>().Where(q => answered.Contains(q.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnswerCount, q => db.Set<ProductAnswer>().Count(a => a.QuestionId == q.Id && !a.IsHidden)), ct);
    }

    /// <summary>Orders stay for accounting (amounts, lines, payments, events); who and where they were shipped to goes.</summary>
    private static Task AnonymiseOrdersAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        db.Orders.Where(o => o.BuyerId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Recipient, "").SetProperty(o => o.Mobile, "").SetProperty(o => o.Province, "")
            .SetProperty(o => o.City, "").SetProperty(o => o.District, "").SetProperty(o => o.AddressDetail, ""), ct);

    /// <summary>The user row stays (orders, ledgers and kept content point at it) with nothing that identifies or signs in.</summary>
    private static async Task EraseAccountAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserPasskey<string>>().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        var compact = userId.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var placeholder = "deleted_" + compact[..Math.Min(22, compact.Length)];
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.UserName, placeholder)
            .SetProperty(u => u.NormalizedUserName, placeholder.ToUpperInvariant())
            .SetProperty(u => u.Email, (string?)null)
            .SetProperty(u => u.NormalizedEmail, (string?)null)
            .SetProperty(u => u.EmailConfirmed, false)
            .SetProperty(u => u.PhoneNumber, (string?)null)
            .SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
            .SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, LockedForEver)
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.Handle, placeholder)
            .SetProperty(u => u.DisplayName, DeletedDisplayName)
            .SetProperty(u => u.Bio, "")
            .SetProperty(u => u.AvatarKey, (string?)null)
            .SetProperty(u => u.LikesArePublic, false), ct);
    }
}

/// <summary>Runs <see cref="AccountEraser"/> at start-up and then every <see cref="AccountDeletionOptions.SweepMinutes"/>.</summary>
public sealed class AccountDeletionWorker(AccountEraser eraser, TimeProvider clock, IOptions<AccountDeletionOptions> options, ILogger<AccountDeletionWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => eraser.EraseDueAsync(cancellationToken);
}
