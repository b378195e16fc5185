using Microsoft.Extensions.Localization;
using SocialStore.Domain.Common;

namespace SocialStore.Web.Services;

/// <summary>
/// Turns a <see cref="DomainException"/> into a message in the reader's language: its code is a
/// resource key and its arguments fill the placeholders (ADR-006). The first localizer that has the
/// key wins; an unknown code falls back to a generic message rather than showing the key.
/// </summary>
public static class DomainMessages
{
    public const string GenericKey = "Error.Generic";

    public static string For(DomainException exception, IStringLocalizer primary, params IStringLocalizer[] others)
    {
        foreach (var localizer in others.Prepend(primary))
        {
            var message = localizer[exception.Code, exception.Arguments];
            if (!message.ResourceNotFound) return message.Value;
        }
        // A mute or ban stops every service; any page that shows a domain error shows that one too.
        return ModerationMessages.Find(exception) ?? Generic(primary);
    }

    /// <summary>The message for anything that is not a rule of the domain (a bug, a lost connection): no details.</summary>
    public static string Generic(IStringLocalizer localizer)
    {
        var generic = localizer[GenericKey];
        return generic.ResourceNotFound ? "Something went wrong. Please try again." : generic.Value;
    }
}
