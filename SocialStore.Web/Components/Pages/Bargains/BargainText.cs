using Microsoft.Extensions.Localization;

namespace SocialStore.Web.Components.Pages.Bargains;

/// <summary>Turns an error code and its arguments (from the query string after a refused post) into the reader's language.</summary>
public static class BargainText
{
    public static string Error(IStringLocalizer<BargainResource> b, string code, string? arguments)
    {
        var args = (arguments ?? "").Split('|').Select(a => a.Length > 40 ? a[..40] : a).Cast<object>().ToList();
        while (args.Count < 3) args.Add("");
        var text = b[code, [.. args]];
        return text.ResourceNotFound ? b["Error.Generic"] : text.Value;
    }
}
