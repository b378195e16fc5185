namespace SocialStore.Domain.Notes;

public class NoteImage
{
    public const int AltMaxLength = 200;

    public long Id { get; set; }

    public long NoteId { get; set; }

    public int Position { get; set; }

    /// <summary>Key in the media store (see Media): the original re-encoded image; thumbnails derive from it.</summary>
    public string StorageKey { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The caption a screen reader reads.</summary>
    public string Alt { get; set; } = "";
}
