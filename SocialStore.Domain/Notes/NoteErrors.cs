namespace SocialStore.Domain.Notes;

/// <summary>
/// The codes of <see cref="Common.DomainException"/> that composing, editing and deleting notes throw
/// (the entity's own and <see cref="NoteService"/>'s); each is a key in the web project's ComposeResource.
/// </summary>
public static class NoteErrors
{
    public const string TitleRequired = "Note.TitleRequired";

    /// <summary>Argument: the limit in characters.</summary>
    public const string TitleTooLong = "Note.TitleTooLong";

    public const string BodyRequired = "Note.BodyRequired";

    /// <summary>Argument: the limit in characters.</summary>
    public const string BodyTooLong = "Note.BodyTooLong";

    public const string ImageRequired = "Note.ImageRequired";

    /// <summary>Argument: the number of images allowed.</summary>
    public const string TooManyImages = "Note.TooManyImages";

    /// <summary>An image key that is unsafe or not in the media store (not uploaded, or deleted meanwhile).</summary>
    public const string ImageMissing = "Note.ImageMissing";

    /// <summary>Argument: the limit in characters.</summary>
    public const string AltTooLong = "Note.AltTooLong";

    /// <summary>Argument: the number of products allowed.</summary>
    public const string TooManyProducts = "Note.TooManyProducts";

    /// <summary>A tagged product does not exist or is not on sale.</summary>
    public const string ProductUnavailable = "Note.ProductUnavailable";

    /// <summary>Argument: the mention as written, e.g. "@nobody".</summary>
    public const string UnknownMention = "Note.UnknownMention";

    public const string NotFound = "Note.NotFound";

    public const string NotADraft = "Note.NotADraft";

    public static IReadOnlyList<string> All { get; } =
    [
        TitleRequired, TitleTooLong, BodyRequired, BodyTooLong, ImageRequired, TooManyImages, ImageMissing, AltTooLong,
        TooManyProducts, ProductUnavailable, UnknownMention, NotFound, NotADraft,
    ];
}
