using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SocialStore.Web.Services;

/// <summary>
/// MudBlazor's texts (pager, dialogs, loading…) in the reader's language. A key we have not
/// translated falls back to MudBlazor's English rather than showing the key.
/// </summary>
internal sealed class MudResourceLocalizer(IStringLocalizer<MudResource> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = texts[key];
            return text.ResourceNotFound ? base[key] : text;
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = texts[key, arguments];
            return text.ResourceNotFound ? base[key, arguments] : text;
        }
    }
}
