namespace SocialStore.Domain.Media;

/// <summary>Codes of the <see cref="Common.DomainException"/>s an upload can raise; each is a resource key in the UI.</summary>
public static class MediaErrors
{
    /// <summary>Argument: the accepted formats, e.g. "JPEG, PNG, WebP, GIF".</summary>
    public const string NotAnImage = "Media.NotAnImage";

    /// <summary>Argument: the limit in MB.</summary>
    public const string TooLarge = "Media.TooLarge";

    /// <summary>Argument: the limit in megapixels.</summary>
    public const string TooManyPixels = "Media.TooManyPixels";

    public const string Corrupt = "Media.Corrupt";

    public const string Unavailable = "Media.Unavailable";
}
