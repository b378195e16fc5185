using System.Globalization;
using System.Resources;
using SocialStore.Domain.Common;

namespace SocialStore.Web.Services;

/// <summary>The moderation messages (muted, banned…) and the action limits' "try again in N minutes" for pages whose own resources do not have them.</summary>
public static class ModerationMessages
{
    private static readonly ResourceManager Resources = new("SocialStore.Web.Resources.ModerationResource", typeof(ModerationResource).Assembly);

    private static readonly ResourceManager ScreeningResources = new("SocialStore.Web.Resources.ScreeningResource", typeof(ScreeningResource).Assembly);

    private static readonly ResourceManager EngagementResources = new("SocialStore.Web.Resources.EngagementResource", typeof(EngagementResource).Assembly);

    private static readonly ResourceManager LimitResources = new("SocialStore.Web.Resources.LimitResource", typeof(LimitResource).Assembly);

    public static string? Find(DomainException exception)
    {
        var resources = exception.Code.StartsWith("Moderation.", StringComparison.Ordinal) ? Resources
            : exception.Code.StartsWith("Screening.", StringComparison.Ordinal) ? ScreeningResources
            : exception.Code.StartsWith("Engagement.", StringComparison.Ordinal) ? EngagementResources
            : exception.Code.StartsWith("Limits.", StringComparison.Ordinal) ? LimitResources
            : null;
        if (resources is null) return null;
        var format = resources.GetString(exception.Code, CultureInfo.CurrentUICulture);
        return format is null ? null : string.Format(CultureInfo.CurrentCulture, format, exception.Arguments);
    }
}
