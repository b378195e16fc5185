namespace SocialStore.Domain.Media;

/// <summary>
/// Where image files live. Keys are relative paths of lower-case letters, digits, '-', '_', '.'
/// and '/'. The local folder is the default; S3-compatible storage is the scale-out path.
/// </summary>
public interface IMediaStore
{
    Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
