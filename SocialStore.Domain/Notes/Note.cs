using SocialStore.Domain.Common;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public enum NoteStatus
{
    Published,
    Hidden,
    Deleted,
}

/// <summary>A user's post: a title, a Markdown body and 1–9 images, the first being the cover.</summary>
public class Note
{
    public const int TitleMaxLength = 20;
    public const int BodyMaxLength = 2000;
    public const int MaxImages = 9;

    private readonly List<NoteImage> _images = [];
    private readonly List<NoteTopic> _topics = [];

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

    public static Note Create(string authorId, string title, string body, IReadOnlyList<NoteImage> images, DateTimeOffset now)
    {
        title = title.Trim();
        body = body.Trim();
        if (title.Length == 0) throw new DomainException("Note.TitleRequired");
        if (TextLength.Graphemes(title) > TitleMaxLength) throw new DomainException("Note.TitleTooLong", TitleMaxLength);
        if (TextLength.Graphemes(body) > BodyMaxLength) throw new DomainException("Note.BodyTooLong", BodyMaxLength);
        if (images.Count == 0) throw new DomainException("Note.ImageRequired");
        if (images.Count > MaxImages) throw new DomainException("Note.TooManyImages", MaxImages);

        var note = new Note
        {
            AuthorId = authorId,
            Title = title,
            Body = body,
            Status = NoteStatus.Published,
            CreatedAt = now,
        };
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Position = i;
            note._images.Add(images[i]);
        }
        var cover = images[0];
        note.CoverKey = cover.StorageKey;
        note.CoverWidth = cover.Width;
        note.CoverHeight = cover.Height;
        return note;
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
    }
}
