namespace SocialStore.Domain.Ordering;

/// <summary>
/// The shop's public address (scheme, host and port, e.g. <c>https://shop.example.com</c>), from which the
/// payment return and callback URLs are built. Never the request's Host header: a forged Host would
/// otherwise choose where the app sends its signed callbacks.
/// </summary>
public interface IPublicOrigin
{
    /// <summary>An absolute http(s) URI with the path "/".</summary>
    Uri Origin { get; }
}

public static class PublicOrigin
{
    /// <summary>The configuration key: an absolute http(s) origin such as <c>https://shop.example.com</c>.</summary>
    public const string ConfigurationKey = "App:PublicOrigin";

    /// <summary>
    /// Reads an origin: absolute, http or https, no user info, query or fragment, no path beyond "/".
    /// Returns null with the reason when the text is not one.
    /// </summary>
    public static Uri? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problem = "must be an absolute http(s) address such as https://shop.example.com";
        else if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
            problem = "must be an origin only (scheme, host and port), without a path, query or credentials";
        return problem is null ? new Uri(uri!.GetLeftPart(UriPartial.Authority) + "/") : null;
    }

    /// <summary>Whether <paramref name="url"/> is an absolute URL on <paramref name="origin"/> (same scheme, host and port).</summary>
    public static bool IsOn(Uri origin, Uri url) =>
        url.IsAbsoluteUri && Uri.Compare(origin, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

/// <summary>The configured <see cref="PublicOrigin.ConfigurationKey"/> (the web host registers one that also knows its listening address).</summary>
public sealed class ConfiguredPublicOrigin(Uri origin) : IPublicOrigin
{
    public Uri Origin { get; } = origin;
}
