using System.Globalization;
using System.Resources;
using SocialStore.Domain.Common;

namespace SocialStore.Web.Services;

/// <summary>The moderation messages (muted, banned…) for pages whose own resources do not have them.</summary>
public static class ModerationMessages
{
    private static readonly ResourceManager Resources = new("SocialStore.Web.Resources.ModerationResource", typeof(ModerationResource).Assembly);

    public static string? Find(DomainException exception)
    {
        if (!exception.Code.StartsWith("Moderation.", StringComparison.Ordinal)) return null;
        var format = Resources.GetString(exception.Code, CultureInfo.CurrentUICulture);
        return format is null ? null : string.Format(CultureInfo.CurrentCulture, format, exception.Arguments);
    }
}
