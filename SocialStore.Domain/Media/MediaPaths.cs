using System.Text.RegularExpressions;

namespace SocialStore.Domain.Media;

public static partial class MediaPaths
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*(\\.[a-z0-9]+)?$")]
    private static partial Regex SafePath();

    /// <summary>True for a relative path that cannot leave the store's root (no '..', no absolute paths).</summary>
    public static bool IsSafe(string? path) => path is { Length: > 0 and <= 200 } && SafePath().IsMatch(path);

    public static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".webp" => "image/webp",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
