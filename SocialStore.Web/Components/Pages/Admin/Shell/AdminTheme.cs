using MudBlazor;

namespace SocialStore.Web.Components.Pages.Admin.Shell;

/// <summary>The back office's MudBlazor theme: the shop's red, the system fonts (no web-font download), CJK first for zh-CN.</summary>
public static class AdminTheme
{
    private static readonly string[] Fonts =
        ["-apple-system", "BlinkMacSystemFont", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", "Roboto", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ff2442",
            Secondary = "#333333",
            AppbarBackground = "#ffffff",
            AppbarText = "#222222",
            Background = "#f6f6f6",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none" },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Caption = new CaptionTypography { FontFamily = Fonts },
        },
    };
}
