namespace SocialStore.Domain.Media;

/// <summary>Stores files in a local folder outside wwwroot; they are served only by the media endpoint.</summary>
public sealed class LocalMediaStore(string root) : IMediaStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Write then rename, so a reader never sees half a file.
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, full, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!MediaPaths.IsSafe(path)) return Task.FromResult<Stream?>(null);
        var full = Resolve(path);
        return Task.FromResult<Stream?>(File.Exists(full)
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (File.Exists(full)) File.Delete(full);
        return Task.CompletedTask;
    }

    private string Resolve(string path)
    {
        if (!MediaPaths.IsSafe(path)) throw new ArgumentException($"Unsafe media path '{path}'.", nameof(path));
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Unsafe media path '{path}'.", nameof(path));
        return full;
    }
}
