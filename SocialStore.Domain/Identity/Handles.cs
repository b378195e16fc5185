using System.Text;
using System.Text.RegularExpressions;

namespace SocialStore.Domain.Identity;

public static partial class Handles
{
    [GeneratedRegex("^[a-z0-9_]{3,30}$")]
    private static partial Regex ValidHandle();

    public static bool IsValid(string? handle) => handle is not null && ValidHandle().IsMatch(handle);

    /// <summary>A URL-safe base for a handle, from an email or a name: lower-case ASCII letters, digits and '_'.</summary>
    public static string Suggest(string source)
    {
        var local = source.Split('@')[0].ToLowerInvariant();
        var sb = new StringBuilder();
        foreach (var c in local)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_') sb.Append(c);
            else if (c is '.' or '-' or '+') sb.Append('_');
            if (sb.Length == ApplicationUser.HandleMaxLength - 4) break;
        }
        while (sb.Length < 3) sb.Append('u');
        return sb.ToString();
    }
}
