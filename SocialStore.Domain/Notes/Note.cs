using SocialStore.Domain.Common;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public enum NoteStatus
{
    Published,
    Hidden,
    Deleted,
    Draft,
}

/// <summary>A user's post: a title, a Markdown body and 1–9 images, the first being the cover.</summary>
public class Note
{
    public const int TitleMaxLength = 20;
    public const int BodyMaxLength = 2000;
    public const int MaxImages = 9;

    /// <summary>What the columns hold, in UTF-16 code units: a title or body within the grapheme limits can be longer (emoji sequences).</summary>
    public const int TitleStoredMaxLength = 100;
    public const int BodyStoredMaxLength = 8000;

    private readonly List<NoteImage> _images = [];
    private readonly List<NoteTopic> _topics = [];
    private readonly List<NoteProduct> _products = [];

    private Note()
    {
    }

    public long Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public ApplicationUser? Author { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public NoteStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>What the note was before it was deleted, so a moderator's restore puts it back as it was.</summary>
    public NoteStatus? StatusBeforeDelete { get; private set; }

    /// <summary>Discover's rank (see <see cref="Ranking"/>); recomputed whenever its engagement changes (the score is fixed to the publish time, so it needs no periodic refresh).</summary>
    public double HotScore { get; private set; }

    // Cover facts are copied from the first image so the feed reads one row per card.
    public string CoverKey { get; private set; } = "";

    public int CoverWidth { get; private set; }

    public int CoverHeight { get; private set; }

    // Counters mirror real rows (likes, collects, comments, share visits); they are changed
    // only by atomic SQL increments next to the row that they count.
    public int LikeCount { get; private set; }

    public int CollectCount { get; private set; }

    public int CommentCount { get; private set; }

    public int ShareCount { get; private set; }

    public IReadOnlyList<NoteImage> Images => _images;

    public IReadOnlyList<NoteTopic> Topics => _topics;

    public IReadOnlyList<NoteProduct> Products => _products;

    public const int MaxProducts = 5;

    public static Note Create(string authorId, string title, string body, IReadOnlyList<NoteImage> images, DateTimeOffset now, bool draft = false)
    {
        var note = new Note { AuthorId = authorId, CreatedAt = now, Status = draft ? NoteStatus.Draft : NoteStatus.Published };
        note.SetContent(title, body, images, requireComplete: !draft);
        note.HotScore = Ranking.HotScore(0, 0, 0, 0, now);
        return note;
    }

    /// <summary>Edits title, body and images. A published note stays valid and is marked edited; a draft may stay incomplete.</summary>
    public void Edit(string title, string body, IReadOnlyList<NoteImage> images, DateTimeOffset now)
    {
        if (Status is NoteStatus.Deleted) throw new DomainException(NoteErrors.NotFound);
        SetContent(title, body, images, requireComplete: Status != NoteStatus.Draft);
        if (Status != NoteStatus.Draft) EditedAt = now;
    }

    /// <summary>Publishes a draft: it appears in feeds as new from this moment.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != NoteStatus.Draft) throw new DomainException(NoteErrors.NotADraft);
        Validate(Title, Body, _images.Count, requireComplete: true);
        Status = NoteStatus.Published;
        CreatedAt = now;
        HotScore = Ranking.HotScore(LikeCount, CollectCount, CommentCount, ShareCount, now);
    }

    /// <summary>Soft delete: the note disappears everywhere but a moderator can restore it.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (Status == NoteStatus.Deleted) return;
        StatusBeforeDelete = Status;
        Status = NoteStatus.Deleted;
        DeletedAt = now;
    }

    public void Restore()
    {
        if (Status != NoteStatus.Deleted) return;
        Status = StatusBeforeDelete ?? NoteStatus.Published;
        StatusBeforeDelete = null;
        DeletedAt = null;
    }

    /// <summary>A moderator's hide (or the report score's): gone from public pages, kept for review and restore.</summary>
    public bool Hide()
    {
        if (Status != NoteStatus.Published) return false;
        Status = NoteStatus.Hidden;
        return true;
    }

    /// <summary>Takes back a hide; a note deleted since stays deleted.</summary>
    public bool Unhide()
    {
        if (Status != NoteStatus.Hidden) return false;
        Status = NoteStatus.Published;
        return true;
    }

    public void SetProducts(IReadOnlyList<long> productIds)
    {
        var distinct = productIds.Distinct().ToList();
        if (distinct.Count > MaxProducts) throw new DomainException(NoteErrors.TooManyProducts, MaxProducts);
        _products.RemoveAll(p => !distinct.Contains(p.ProductId));
        for (var i = 0; i < distinct.Count; i++)
        {
            var existing = _products.FirstOrDefault(p => p.ProductId == distinct[i]);
            if (existing is null) _products.Add(new NoteProduct { ProductId = distinct[i], Position = i });
            else existing.Position = i;
        }
    }

    public void SetTopics(IReadOnlyList<Topic> topics)
    {
        _topics.RemoveAll(t => !topics.Any(n => n == t.Topic || (n.Id != 0 && n.Id == t.TopicId)));
        foreach (var topic in topics) AddTopic(topic);
    }

    private void SetContent(string title, string body, IReadOnlyList<NoteImage> images, bool requireComplete)
    {
        title = (title ?? "").Trim();
        body = (body ?? "").Trim();
        Validate(title, body, images.Count, requireComplete);
        Title = title;
        Body = body;
        _images.Clear();
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Position = i;
            _images.Add(images[i]);
        }
        var cover = images.Count > 0 ? images[0] : null;
        CoverKey = cover?.StorageKey ?? "";
        CoverWidth = cover?.Width ?? 0;
        CoverHeight = cover?.Height ?? 0;
    }

    /// <summary>
    /// The one check of a note's content (normalised text): a draft may be incomplete; a published note (or one
    /// being published) needs a title, a body and an image. <see cref="NoteService"/> calls it before any query.
    /// </summary>
    public static void Validate(string title, string body, int imageCount, bool requireComplete)
    {
        if (requireComplete && title.Length == 0) throw new DomainException(NoteErrors.TitleRequired);
        if (TextLength.Graphemes(title) > TitleMaxLength || title.Length > TitleStoredMaxLength) throw new DomainException(NoteErrors.TitleTooLong, TitleMaxLength);
        if (requireComplete && body.Length == 0) throw new DomainException(NoteErrors.BodyRequired);
        if (TextLength.Graphemes(body) > BodyMaxLength || body.Length > BodyStoredMaxLength) throw new DomainException(NoteErrors.BodyTooLong, BodyMaxLength);
        if (imageCount > MaxImages) throw new DomainException(NoteErrors.TooManyImages, MaxImages);
        if (requireComplete && imageCount == 0) throw new DomainException(NoteErrors.ImageRequired);
    }

    public void AddTopic(Topic topic)
    {
        if (_topics.Any(t => t.Topic == topic || (t.TopicId != 0 && t.TopicId == topic.Id))) return;
        _topics.Add(new NoteTopic { Note = this, Topic = topic });
    }

    /// <summary>Sets counters to exact counts of rows; used only by bulk seeding, which inserts those rows itself.</summary>
    internal void SetCountsFromRows(int likes, int collects, int comments)
    {
        LikeCount = likes;
        CollectCount = collects;
        CommentCount = comments;
        HotScore = Ranking.HotScore(likes, collects, comments, ShareCount, CreatedAt);
    }
}
