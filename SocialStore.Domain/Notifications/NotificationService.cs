using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Reviews;

namespace SocialStore.Domain.Notifications;

/// <summary>
/// Records notifications inside the transaction of the action that causes them (never to the actor
/// themself), lists them grouped, counts and clears unread ones, and tells open pages about changes
/// through <see cref="INotificationBus"/> after commit.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    INotificationBus bus,
    ILogger<NotificationService>? logger = null)
{
    /// <summary>How many of the newest unread notifications are grouped at the top of the page.</summary>
    public const int UnreadWindow = 200;

    /// <summary>Notifications per page below the unread window.</summary>
    public const int PageSize = 40;

    public const int ExcerptLength = 60;

    /// <summary>Display names are matched by prefix only from this many characters on (ADR-010).</summary>
    public const int MinDisplayNamePrefix = 2;

    private readonly ILogger logger = logger ?? NullLogger<NotificationService>.Instance;

    // ----- recording, inside the caller's transaction -----

    /// <summary>Adds a notification to the context (saved with the caller's changes); nothing when the actor is the recipient.</summary>
    internal static bool Add(
        SocialStoreDbContext db, string recipientId, NotificationKind kind, string actorId, long? noteId, long? commentId, DateTimeOffset now,
        long? productId = null, long? questionId = null)
    {
        if (string.IsNullOrEmpty(recipientId) || recipientId == actorId) return false;
        db.Notifications.Add(new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            ActorId = actorId,
            NoteId = noteId,
            CommentId = commentId,
            ProductId = productId,
            QuestionId = questionId,
            CreatedAt = now,
        });
        return true;
    }

    /// <summary>Takes back what an undone action announced (an unlike removes the like's notification).</summary>
    internal static Task<int> RemoveAsync(SocialStoreDbContext db, NotificationKind kind, string actorId, long? noteId, long? commentId, CancellationToken cancellationToken) =>
        db.Notifications
            .Where(n => n.Kind == kind && n.ActorId == actorId && n.NoteId == noteId && n.CommentId == commentId)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Adds a mention notification for each @handle (or unique display name) in <paramref name="mentions"/>,
    /// skipping the author, people in <paramref name="alreadyNotified"/> and people already told about this
    /// note or comment. The caller saves and commits, then calls <see cref="PublishUnreadAsync"/> with the result.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddMentionsAsync(
        SocialStoreDbContext db, long noteId, long? commentId, string authorId, IReadOnlyList<string> mentions,
        IReadOnlyCollection<string>? alreadyNotified, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0) return [];
        var resolved = await ResolveMentionsAsync(db, mentions, cancellationToken);
        var recipients = resolved.Values.Select(u => u.Id).Distinct()
            .Where(id => id != authorId && (alreadyNotified is null || !alreadyNotified.Contains(id)))
            .ToList();
        if (recipients.Count == 0) return [];
        // Editing a note calls this again: people already mentioned there are not told twice.
        var told = await db.Notifications
            .Where(n => n.Kind == NotificationKind.Mention && n.ActorId == authorId && n.NoteId == noteId && n.CommentId == commentId && recipients.Contains(n.RecipientId))
            .Select(n => n.RecipientId)
            .ToListAsync(cancellationToken);
        recipients.RemoveAll(told.Contains);
        var now = clock.GetUtcNow();
        foreach (var recipient in recipients) Add(db, recipient, NotificationKind.Mention, authorId, noteId, commentId, now);
        return recipients;
    }

    /// <summary>
    /// Tells the people @mentioned in a note (<paramref name="commentId"/> null) or in a comment that they
    /// were mentioned, in its own transaction, and updates their open pages. Returns how many were told.
    /// For the note's author service: call after the note is published (or edited while published).
    /// </summary>
    public async Task<int> NotifyMentionsAsync(long noteId, long? commentId, string authorId, IReadOnlyList<string> handles, CancellationToken cancellationToken)
    {
        if (handles.Count == 0) return 0;
        var recipients = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var added = await AddMentionsAsync(db, noteId, commentId, authorId, handles, null, ct);
            await db.SaveChangesAsync(ct);
            return added;
        }, cancellationToken);
        await PublishUnreadAsync(recipients, cancellationToken);
        return recipients.Count;
    }

    /// <summary>Resolves @mentions to users (ADR-010): exact handle, else a unique display name, else the longest unique display-name prefix.</summary>
    public async Task<IReadOnlyDictionary<string, MentionedUser>> ResolveMentionsAsync(IReadOnlyList<string> mentions, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ResolveMentionsAsync(db, mentions, cancellationToken);
    }

    internal static async Task<IReadOnlyDictionary<string, MentionedUser>> ResolveMentionsAsync(SocialStoreDbContext db, IReadOnlyList<string> mentions, CancellationToken cancellationToken)
    {
        var tokens = mentions.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).Take(TextTokens.MaxTokensPerKind).ToList();
        var result = new Dictionary<string, MentionedUser>(StringComparer.Ordinal);
        if (tokens.Count == 0) return result;

        var handles = tokens.Select(t => t.ToLowerInvariant()).Where(Handles.IsValid).Distinct().ToList();
        var byHandle = handles.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => handles.Contains(u.Handle))
                .Select(u => new MentionedUser(u.Id, u.Handle, u.DisplayName)).ToListAsync(cancellationToken);

        var names = tokens.SelectMany(NameCandidates).Distinct(StringComparer.Ordinal).ToList();
        var byName = names.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => names.Contains(u.DisplayName))
                .GroupBy(u => u.DisplayName)
                .Select(g => new { Name = g.Key, Count = g.Count(), Id = g.Min(u => u.Id)!, Handle = g.Min(u => u.Handle)! })
                .ToListAsync(cancellationToken);
        var unique = byName.Where(n => n.Count == 1).ToDictionary(n => n.Name, n => new MentionedUser(n.Id, n.Handle, n.Name), StringComparer.Ordinal);

        foreach (var token in tokens)
        {
            var user = byHandle.FirstOrDefault(u => u.Handle == token.ToLowerInvariant());
            if (user is null)
            {
                // Longest first: "@小美你好" is 小美 when no one is called 小美你好.
                foreach (var candidate in NameCandidates(token))
                    if (unique.TryGetValue(candidate, out user)) break;
            }
            if (user is not null) result[token] = user;
        }
        return result;
    }

    /// <summary>The token itself, then, for text that runs on without a space, its prefixes down to <see cref="MinDisplayNamePrefix"/> characters.</summary>
    private static IEnumerable<string> NameCandidates(string token)
    {
        yield return token;
        var elements = StringInfo.ParseCombiningCharacters(token);
        for (var n = Math.Min(elements.Length, ApplicationUser.DisplayNameMaxLength + 1) - 1; n >= MinDisplayNamePrefix; n--)
            yield return token[..elements[n]];
    }

    // ----- reading -----

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int changed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            changed = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }
        await PublishUnreadAsync([userId], cancellationToken);
        return changed;
    }

    /// <summary>
    /// The first page (<paramref name="before"/> null) has the newest <see cref="UnreadWindow"/> unread
    /// notifications grouped by kind and subject, then a page of earlier ones; later pages continue after the cursor.
    /// </summary>
    public async Task<NotificationPage> ListAsync(string userId, string? before, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = NotificationCursor.Parse(before);
        List<Row> unread = [];
        var unreadCount = 0;
        if (cursor is null)
        {
            unreadCount = await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
            if (unreadCount > 0)
            {
                unread = await Rows(db, userId, null, onlyUnread: true).Take(UnreadWindow).ToListAsync(cancellationToken);
                cursor = new NotificationCursor(unread[^1].CreatedAt, unread[^1].Id);
            }
        }
        var earlier = await Rows(db, userId, cursor, onlyUnread: false).Take(PageSize + 1).ToListAsync(cancellationToken);
        var hasMore = earlier.Count > PageSize;
        if (hasMore) earlier.RemoveAt(earlier.Count - 1);
        var next = hasMore ? new NotificationCursor(earlier[^1].CreatedAt, earlier[^1].Id).ToString() : null;
        return new NotificationPage(Group(unread), Group(earlier), unreadCount, next);
    }

    private static IQueryable<Row> Rows(SocialStoreDbContext db, string userId, NotificationCursor? after, bool onlyUnread)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        if (onlyUnread) query = query.Where(n => n.ReadAt == null);
        if (after is { } c) query = query.Where(n => n.CreatedAt < c.CreatedAt || (n.CreatedAt == c.CreatedAt && n.Id < c.Id));
        return from n in query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
               join actor in db.Users on n.ActorId equals actor.Id
               from note in db.Notes.Where(x => x.Id == n.NoteId).DefaultIfEmpty()
               from comment in db.Comments.Where(x => x.Id == n.CommentId && !x.IsDeleted).DefaultIfEmpty()
               from product in db.Products.Where(x => x.Id == n.ProductId).DefaultIfEmpty()
               from question in db.Set<ProductQuestion>().Where(x => x.Id == n.QuestionId).DefaultIfEmpty()
               from order in db.Orders.Where(x => x.Id == n.OrderId).DefaultIfEmpty()
               select new Row(
                   n.Id, n.Kind, n.NoteId, n.CommentId, n.CreatedAt, n.ReadAt == null,
                   actor.Id, actor.Handle, actor.DisplayName, actor.AvatarKey,
                   note == null ? null : note.Title,
                   note == null ? null : note.CoverKey,
                   note != null && note.Status == NoteStatus.Published,
                   comment == null ? null : comment.Body,
                   n.ProductId,
                   product == null ? null : product.Title,
                   product == null ? null : product.CoverKey,
                   product != null && product.Status == ProductStatus.OnSale,
                   n.QuestionId,
                   question == null ? null : question.Body,
                   order == null ? null : order.Number,
                   n.OrderStatus,
                   n.ModerationDecisionId);
    }

    /// <summary>Groups rows (newest first) by kind and subject and read state; a group sits where its newest row was.</summary>
    private static List<NotificationGroup> Group(List<Row> rows)
    {
        var groups = new List<NotificationGroup>();
        foreach (var g in rows.GroupBy(r => (r.Kind, r.NoteId, LikedComment: r.Kind == NotificationKind.Like ? r.CommentId : null, OnComment: r.CommentId is not null, r.QuestionId, r.Unread,
            // Each order update is its own line ("your order … has shipped").
            OrderUpdate: r.Kind is NotificationKind.OrderUpdate or NotificationKind.Moderation ? r.Id : (long?)null)))
        {
            var newest = g.First();
            var actors = g.DistinctBy(r => r.ActorId).ToList();
            groups.Add(new NotificationGroup(
                newest.Kind, newest.NoteId, newest.NoteTitle, newest.NoteCoverKey, newest.NoteAvailable,
                newest.CommentId, Excerpt(newest.CommentBody),
                actors.Take(3).Select(a => new NotificationActor(a.ActorId, a.ActorHandle, a.ActorName, a.ActorAvatarKey)).ToList(),
                actors.Count, g.Count(), newest.CreatedAt, newest.Unread, newest.OrderNumber, newest.OrderStatus)
            {
                ProductId = newest.ProductId,
                ProductTitle = newest.ProductTitle,
                ProductCoverKey = newest.ProductCoverKey,
                ProductAvailable = newest.ProductAvailable,
                QuestionId = newest.QuestionId,
                QuestionExcerpt = Excerpt(newest.QuestionBody),
                ModerationDecisionId = newest.ModerationDecisionId,
            });
        }
        return groups;
    }

    private static string? Excerpt(string? body)
    {
        if (string.IsNullOrEmpty(body)) return null;
        var info = new StringInfo(body.ReplaceLineEndings(" "));
        return info.LengthInTextElements <= ExcerptLength ? info.String : info.SubstringByTextElements(0, ExcerptLength) + "…";
    }

    // ----- live updates -----

    /// <summary>After commit: sends each user who has an open page their new unread count. Never throws.</summary>
    public async Task PublishUnreadAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        foreach (var userId in userIds.Distinct())
        {
            if (!bus.HasSubscribers(userId)) continue;
            try
            {
                var count = await UnreadCountAsync(userId, cancellationToken);
                await bus.PublishAsync(userId, count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The action is committed; a missed badge update is corrected on the next page load.
                logger.LogWarning(ex, "Could not publish the unread count");
            }
        }
    }

    private sealed record Row(
        long Id, NotificationKind Kind, long? NoteId, long? CommentId, DateTimeOffset CreatedAt, bool Unread,
        string ActorId, string ActorHandle, string ActorName, string? ActorAvatarKey,
        string? NoteTitle, string? NoteCoverKey, bool NoteAvailable, string? CommentBody,
        long? ProductId, string? ProductTitle, string? ProductCoverKey, bool ProductAvailable, long? QuestionId, string? QuestionBody,
        string? OrderNumber, SocialStore.Domain.Ordering.OrderStatus? OrderStatus, long? ModerationDecisionId);
}
