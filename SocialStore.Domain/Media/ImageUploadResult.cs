namespace SocialStore.Domain.Media;

/// <summary>A stored upload: its key (see <see cref="MediaUrls"/>) and the size of its full.jpg.</summary>
public sealed record ImageUploadResult(string Key, int Width, int Height);
