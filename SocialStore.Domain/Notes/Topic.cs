namespace SocialStore.Domain.Notes;

/// <summary>A #hashtag; its name is the key of /topics/{name}.</summary>
public class Topic
{
    public const int NameMaxLength = 30;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public class NoteTopic
{
    public long NoteId { get; set; }

    public Note? Note { get; set; }

    public int TopicId { get; set; }

    public Topic? Topic { get; set; }
}

/// <summary>A product tagged in a note (at most <see cref="Note.MaxProducts"/>), in the author's order.</summary>
public class NoteProduct
{
    public long NoteId { get; set; }

    public long ProductId { get; set; }

    public int Position { get; set; }
}
