using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Notes;

/// <summary>
/// Composing notes: drafts, publishing, editing, soft deletion and a moderator's restore. Each action is
/// one transaction; topics come from the text (found or created), @mentions must name real people and
/// those newly mentioned in a published note are notified once.
/// </summary>
public sealed class NoteService(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    TimeProvider clock,
    NotificationService notifications,
    IMediaStore media,
    Limits.ActionLimiter limiter,
    SocialStore.Domain.Moderation.Screening.ContentScreen screen)
{
    /// <summary>How many suggestions an autocomplete list shows.</summary>
    public const int SuggestionCount = 8;

    // Column sizes in UTF-16 units: the limits in graphemes fit plain text, not 20 family emoji.
    private const int MaxImageSide = 20_000;

    public Task<long> SaveDraftAsync(string authorId, long? noteId, NoteInput input, CancellationToken cancellationToken) =>
        SaveAsync(authorId, noteId, input, publish: false, cancellationToken);

    /// <summary>Creates and publishes a note, publishes a draft, or saves an edit of a published note (marked edited).</summary>
    public Task<long> PublishAsync(string authorId, long? noteId, NoteInput input, CancellationToken cancellationToken) =>
        SaveAsync(authorId, noteId, input, publish: true, cancellationToken);

    private async Task<long> SaveAsync(string authorId, long? noteId, NoteInput input, bool publish, CancellationToken cancellationToken)
    {
        var title = UserText.Line(input.Title);
        var body = UserText.Paragraphs(input.Body);
        Note.Validate(title, body, input.Images.Count, publish);
        var images = CheckImages(input.Images);
        var productIds = input.ProductIds.Distinct().ToList();
        if (productIds.Count > Note.MaxProducts) throw new DomainException(NoteErrors.TooManyProducts, Note.MaxProducts);
        var tokens = TextTokens.Parse(title + "\n" + body);

        var (id, told) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, authorId, now, ct);
            Note? note = null;
            if (noteId is { } existingId)
            {
                // Images are not loaded: the old rows are deleted below and the new list inserted.
                note = await db.Notes.Include(n => n.Topics).Include(n => n.Products)
                    .FirstOrDefaultAsync(n => n.Id == existingId, ct);
                if (note is null || note.AuthorId != authorId || note.Status == NoteStatus.Deleted) throw new DomainException(NoteErrors.NotFound);
                if (!publish && note.Status != NoteStatus.Draft) throw new DomainException(NoteErrors.NotADraft);
            }
            var isNewPublication = publish && (note is null || note.Status == NoteStatus.Draft);

            if (publish)
            {
                var resolved = await NotificationService.ResolveMentionsAsync(db, tokens.Mentions, ct);
                var unknown = tokens.Mentions.FirstOrDefault(m => !resolved.ContainsKey(m));
                if (unknown is not null) throw new DomainException(NoteErrors.UnknownMention, "@" + unknown);
            }
            // Drafts and edits do not count.
            if (isNewPublication) await limiter.TakeAsync(db, authorId, Limits.LimitedAction.Note, ct);

            var oldKeys = note is null
                ? []
                : await db.NoteImages.Where(i => i.NoteId == note.Id).Select(i => i.StorageKey).ToListAsync(ct);
            foreach (var key in images.Select(i => i.StorageKey).Distinct())
                if (!oldKeys.Contains(key) && !await ExistsAsync(key, ct)) throw new DomainException(NoteErrors.ImageMissing);

            var alreadyTagged = note?.Products.Select(p => p.ProductId).ToHashSet() ?? [];
            var fresh = productIds.Where(p => !alreadyTagged.Contains(p)).ToList();
            if (fresh.Count > 0 && await db.Products.CountAsync(p => fresh.Contains(p.Id) && p.Status == ProductStatus.OnSale, ct) != fresh.Count)
                throw new DomainException(NoteErrors.ProductUnavailable);

            var topics = await FindOrCreateTopicsAsync(db, tokens.Topics, now, ct);
            var (storedTitle, storedBody) = (title, body);
            SocialStore.Domain.Moderation.Screening.ScreenVerdict? verdict = null;
            if (publish)
            {
                verdict = await screen.CheckAsync(db, authorId, new(Commercial: productIds.Count > 0, IsNote: true, Mentions: tokens.Mentions.Count), [title, body], now, ct);
                (storedTitle, storedBody) = (verdict.Texts[0], verdict.Texts[1]);
            }

            if (note is null)
            {
                note = Note.Create(authorId, storedTitle, storedBody, images, now, draft: !publish);
                db.Notes.Add(note);
            }
            else
            {
                await db.NoteImages.Where(i => i.NoteId == note.Id).ExecuteDeleteAsync(ct);
                note.Edit(storedTitle, storedBody, images, now);
                if (publish && note.Status == NoteStatus.Draft) note.Publish(now);
            }
            note.SetTopics(topics);
            note.SetProducts(productIds);
            await db.SaveChangesAsync(ct);
            if (verdict is not null)
                await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Note, note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), authorId, now, ct);

            IReadOnlyList<string> recipients = [];
            if (note.Status == NoteStatus.Published)
            {
                await Levels.GrowthLedger.OnNotePublishedAsync(db, authorId, note.Id, now, ct);
                // Only people not yet told about this note: an edit does not notify again.
                recipients = await notifications.AddMentionsAsync(db, note.Id, null, authorId, tokens.Mentions, null, ct);
                await db.SaveChangesAsync(ct);
            }
            return (note.Id, recipients);
        }, cancellationToken);
        await notifications.PublishUnreadAsync(told, cancellationToken);
        return id;
    }

    /// <summary>Soft-deletes the author's own note; a moderator can restore it. Deleting it again does nothing.</summary>
    public async Task DeleteAsync(string userId, long noteId, CancellationToken cancellationToken)
    {
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId, ct);
            if (note is null || note.AuthorId != userId) throw new DomainException(NoteErrors.NotFound);
            note.Delete(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Puts a deleted note back as it was. Moderators only: the caller checks the role.</summary>
    public async Task RestoreAsync(long noteId, CancellationToken cancellationToken)
    {
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId, ct) ?? throw new DomainException(NoteErrors.NotFound);
            note.Restore();
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The author's note (draft or not deleted) for the composer, or null.</summary>
    public async Task<NoteForEdit?> GetForEditAsync(string authorId, long noteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.Notes.AsNoTracking()
            .Where(n => n.Id == noteId && n.AuthorId == authorId && n.Status != NoteStatus.Deleted)
            .Select(n => new { n.Id, n.Status, n.Title, n.Body, n.EditedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (note is null) return null;
        var images = await db.NoteImages.AsNoTracking().Where(i => i.NoteId == noteId).OrderBy(i => i.Position)
            .Select(i => new NoteImageInput(i.StorageKey, i.Width, i.Height, i.Alt)).ToListAsync(cancellationToken);
        var products = await (from np in db.NoteProducts
                              join p in db.Products on np.ProductId equals p.Id
                              where np.NoteId == noteId
                              orderby np.Position
                              select new ProductChip(p.Id, p.Title, p.CoverKey, p.Price, p.Currency)).ToListAsync(cancellationToken);
        return new NoteForEdit(note.Id, note.Status, note.Title, note.Body, images, products, note.EditedAt);
    }

    /// <summary>The author's drafts, newest first.</summary>
    public async Task<IReadOnlyList<DraftSummary>> DraftsAsync(string authorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notes.AsNoTracking()
            .Where(n => n.AuthorId == authorId && n.Status == NoteStatus.Draft)
            .OrderByDescending(n => n.Id)
            .Take(100)
            .Select(n => new { n.Id, n.Title, n.Body, n.CoverKey, Images = n.Images.Count, n.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DraftSummary(r.Id, r.Title, r.Body.Length > 80 ? r.Body[..80] : r.Body, r.CoverKey, r.Images, r.CreatedAt)).ToList();
    }

    /// <summary>Deleted notes, most recently deleted first, for moderators.</summary>
    public async Task<IReadOnlyList<DeletedNoteSummary>> DeletedAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from n in db.Notes.AsNoTracking()
                          join u in db.Users on n.AuthorId equals u.Id
                          where n.Status == NoteStatus.Deleted
                          orderby n.Id descending
                          select new { n.Id, n.Title, u.Handle, u.DisplayName, n.DeletedAt })
            .Take(Math.Clamp(count, 1, 200)).ToListAsync(cancellationToken);
        return rows.Select(r => new DeletedNoteSummary(r.Id, r.Title, r.Handle, r.DisplayName, r.DeletedAt ?? default))
            .OrderByDescending(r => r.DeletedAt).ToList();
    }

    /// <summary>Products on sale whose title contains the text, for tagging in the composer (a plain title match: the picker needs no ranking).</summary>
    public async Task<IReadOnlyList<ProductChip>> FindProductsToTagAsync(string? text, CancellationToken cancellationToken)
    {
        text = (text ?? "").Trim().ToLowerInvariant();
        if (text.Length == 0 || text.Length > Product.TitleMaxLength) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.OnSale && p.Title.ToLower().Contains(text))
            .OrderByDescending(p => p.SalesCount).ThenBy(p => p.Id)
            .Take(SuggestionCount)
            .Select(p => new ProductChip(p.Id, p.Title, p.CoverKey, p.Price, p.Currency))
            .ToListAsync(cancellationToken);
    }

    private static List<NoteImage> CheckImages(IReadOnlyList<NoteImageInput> images)
    {
        var result = new List<NoteImage>(images.Count);
        foreach (var image in images)
        {
            if (!MediaPaths.IsSafe(image.Key)) throw new DomainException(NoteErrors.ImageMissing);
            var alt = UserText.Line(image.Alt);
            if (TextLength.Graphemes(alt) > NoteImage.AltMaxLength || alt.Length > NoteImage.AltMaxLength)
                throw new DomainException(NoteErrors.AltTooLong, NoteImage.AltMaxLength);
            result.Add(new NoteImage
            {
                StorageKey = image.Key,
                Width = Math.Clamp(image.Width, 1, MaxImageSide),
                Height = Math.Clamp(image.Height, 1, MaxImageSide),
                Alt = alt,
            });
        }
        return result;
    }

    /// <summary>An upload is in the store as its full.jpg; other keys (the demo's SVGs) as the file itself.</summary>
    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        var path = key.Contains('.', StringComparison.Ordinal) ? key : $"{key}/{MediaUrls.FullFileName}";
        await using var stream = await media.OpenReadAsync(path, cancellationToken);
        return stream is not null;
    }

    /// <summary>
    /// Finds the topics by name or creates them. Two notes may create the same new topic at once: the
    /// unique index on the name lets one insert win; the other rolls back to its savepoint and reads that row.
    /// </summary>
    private static async Task<List<Topic>> FindOrCreateTopicsAsync(SocialStoreDbContext db, IReadOnlyList<string> names, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = names.Select(TextTokens.NormaliseTopic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return [];
        var found = await db.Topics.Where(t => wanted.Contains(t.Name)).ToListAsync(ct);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Topics are created inside the action's transaction.");
        foreach (var name in wanted.Where(n => !found.Any(t => t.Name == n)))
        {
            var topic = new Topic { Name = name, CreatedAt = now };
            await transaction.CreateSavepointAsync("topic", ct);
            db.Topics.Add(topic);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.ReleaseSavepointAsync("topic", ct);
                found.Add(topic);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                await transaction.RollbackToSavepointAsync("topic", ct);
                db.Entry(topic).State = EntityState.Detached;
                found.Add(await db.Topics.SingleAsync(t => t.Name == name, ct));
            }
        }
        return wanted.Select(n => found.First(t => t.Name == n)).ToList();
    }
}
