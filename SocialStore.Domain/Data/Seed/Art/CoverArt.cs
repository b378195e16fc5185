namespace SocialStore.Domain.Data.Seed.Art;

/// <summary>What a note image shows: a topic's colours and emoji, a topic label and, on a cover, the title.</summary>
internal sealed record CoverSpec(AspectRatio Ratio, Palette Palette, IReadOnlyList<string> Emojis, string Label, string? Title, int Layout, int Seed);

/// <summary>Draws note images in four layouts that read well at feed-card size.</summary>
internal static class CoverArt
{
    public const int Layouts = 4;

    public static Svg Draw(CoverSpec spec)
    {
        var random = new Random(spec.Seed);
        var (w, h) = (spec.Ratio.Width, spec.Ratio.Height);
        var svg = new Svg(w, h).LinearGradient("bg", spec.Palette.From, spec.Palette.To, 35 + random.Next(80));
        svg.Rect(0, 0, w, h, "url(#bg)");
        Blobs(svg, spec.Palette, random);
        if (spec.Layout % Layouts == 1) Wallpaper(svg, spec, random);
        // The feed shows covers no taller than 3:4 and crops the rest evenly, so everything that
        // matters is laid out in the middle 3:4 band; the full picture shows it with more background.
        var band = Math.Min(h, w * 4.0 / 3);
        var area = new Area(w, band, Math.Min(w, band));
        svg.Group(0, (h - band) / 2);
        switch (spec.Layout % Layouts)
        {
            case 0: Sticker(svg, spec, random, area); break;
            case 1: Pattern(svg, spec, random, area); break;
            case 2: BoldType(svg, spec, random, area); break;
            default: Frame(svg, spec, random, area); break;
        }
        svg.EndGroup();
        return svg;
    }

    /// <summary>The part of the picture a layout draws in: its width, height and shorter side.</summary>
    private readonly record struct Area(double W, double H, double M);

    private static void Blobs(Svg svg, Palette palette, Random random)
    {
        var m = Math.Min(svg.Width, svg.Height);
        for (var i = 0; i < 3 + random.Next(3); i++)
        {
            var fill = i % 2 == 0 ? "#ffffff" : palette.Accent;
            svg.Circle(random.NextDouble() * svg.Width, random.NextDouble() * svg.Height, m * (0.12 + random.NextDouble() * 0.3), fill, 0.12 + random.NextDouble() * 0.18);
        }
    }

    /// <summary>Small emoji over the whole picture, behind the <see cref="Pattern"/> layout.</summary>
    private static void Wallpaper(Svg svg, CoverSpec spec, Random random)
    {
        var step = Math.Min(svg.Width, svg.Height) / 5.0;
        for (var row = 0; row * step < svg.Height + step; row++)
            for (var col = 0; col * step < svg.Width + step; col++)
                svg.Text(col * step + (row % 2 == 0 ? 0 : step / 2), row * step, Pick(spec.Emojis, random), step * 0.42, spec.Palette.Ink, opacity: 0.2);
    }

    /// <summary>A big emoji over a white title card at the bottom.</summary>
    private static void Sticker(Svg svg, CoverSpec spec, Random random, Area area)
    {
        var (w, h, m) = (area.W, area.H, area.M);
        var emoji = Pick(spec.Emojis, random);
        var fontSize = m * 0.075;
        var lines = spec.Title is null ? [] : TextLayout.WrapBalanced(spec.Title, w * 0.78 / fontSize);
        var cardHeight = lines.Count == 0 ? 0 : lines.Count * fontSize * 1.35 + fontSize * 1.2;
        var cardTop = h - m * 0.07 - cardHeight;
        svg.Circle(w / 2.0, (cardTop > 0 ? cardTop : h) * 0.48, m * 0.24, "#ffffff", 0.55);
        svg.Text(w / 2.0, (cardTop > 0 ? cardTop : h) * 0.48, emoji, m * 0.27, spec.Palette.Ink);
        if (lines.Count > 0)
        {
            svg.Rect(w * 0.07, cardTop, w * 0.86, cardHeight, "#ffffff", m * 0.04, 0.92);
            for (var i = 0; i < lines.Count; i++)
                svg.Text(w / 2.0, cardTop + fontSize * 0.6 + fontSize * 1.35 * (i + 0.5), lines[i], fontSize, spec.Palette.Ink, weight: 700);
            Chip(svg, spec, w * 0.07 + m * 0.03, cardTop - m * 0.065, m);
        }
        else
        {
            Chip(svg, spec, m * 0.06, h - m * 0.12, m);
        }
    }

    /// <summary>A wallpaper of small emoji around a white disc, the title underneath.</summary>
    private static void Pattern(Svg svg, CoverSpec spec, Random random, Area area)
    {
        var (w, h, m) = (area.W, area.H, area.M);
        var centerY = spec.Title is null ? h / 2.0 : h * 0.4;
        svg.Circle(w / 2.0, centerY, m * 0.27, "#ffffff", 0.88);
        svg.Text(w / 2.0, centerY, Pick(spec.Emojis, random), m * 0.25, spec.Palette.Ink);
        if (spec.Title is not null)
        {
            var fontSize = m * 0.08;
            var lines = TextLayout.WrapBalanced(spec.Title, w * 0.8 / fontSize);
            var top = centerY + m * 0.27 + fontSize * 1.2;
            svg.Rect(w * 0.08, top - fontSize * 0.8, w * 0.84, lines.Count * fontSize * 1.3 + fontSize * 0.6, "#ffffff", m * 0.03, 0.75);
            for (var i = 0; i < lines.Count; i++)
                svg.Text(w / 2.0, top + fontSize * 1.3 * i, lines[i], fontSize, spec.Palette.Ink, weight: 700);
        }
        Chip(svg, spec, m * 0.06, m * 0.06, m);
    }

    /// <summary>Large left-aligned type on a tilted band, a big emoji in the corner.</summary>
    private static void BoldType(Svg svg, CoverSpec spec, Random random, Area area)
    {
        var (w, h, m) = (area.W, area.H, area.M);
        svg.Rect(-w * 0.2, h * 0.18, w * 1.4, h * 0.3, spec.Palette.Accent, opacity: 0.22, transform: $"rotate(-12 {w / 2} {h / 3})");
        var fontSize = m * 0.1;
        var lines = spec.Title is null ? [] : TextLayout.WrapBalanced(spec.Title, w * 0.82 / fontSize);
        for (var i = 0; i < lines.Count; i++)
            svg.Text(w * 0.08, h * 0.14 + fontSize * 1.25 * i, lines[i], fontSize, spec.Palette.Ink, anchor: "start", weight: 800);
        if (lines.Count > 0) svg.Rect(w * 0.08, h * 0.14 + fontSize * 1.25 * lines.Count - fontSize * 0.2, m * 0.16, m * 0.018, spec.Palette.Accent, m * 0.01);
        svg.Circle(w * 0.68, h * 0.72, m * 0.25, "#ffffff", 0.5);
        svg.Text(w * 0.68, h * 0.72, Pick(spec.Emojis, random), m * 0.32, spec.Palette.Ink);
        Chip(svg, spec, m * 0.06, h - m * 0.12, m);
    }

    /// <summary>A taped-on "photo" with the emoji inside and the title written below it.</summary>
    private static void Frame(Svg svg, CoverSpec spec, Random random, Area area)
    {
        var (w, h, m) = (area.W, area.H, area.M);
        var frameHeight = spec.Title is null ? h * 0.66 : h * 0.56;
        var (x, y, fw) = (w * 0.12, h * 0.1, w * 0.76);
        svg.Rect(x + m * 0.012, y + m * 0.018, fw, frameHeight, spec.Palette.Ink, m * 0.02, 0.12);
        svg.Rect(x, y, fw, frameHeight, "#ffffff", m * 0.02);
        svg.LinearGradient("photo", spec.Palette.To, spec.Palette.From, 100 + random.Next(60));
        svg.Rect(x + m * 0.035, y + m * 0.035, fw - m * 0.07, frameHeight - m * 0.07, "url(#photo)", m * 0.01);
        svg.Text(w / 2.0, y + frameHeight / 2, Pick(spec.Emojis, random), m * 0.26, spec.Palette.Ink);
        svg.Rect(x - m * 0.03, y - m * 0.02, m * 0.18, m * 0.05, spec.Palette.Accent, opacity: 0.6, transform: $"rotate(-20 {x} {y})");
        svg.Rect(x + fw - m * 0.15, y - m * 0.02, m * 0.18, m * 0.05, spec.Palette.Accent, opacity: 0.6, transform: $"rotate(20 {x + fw} {y})");
        if (spec.Title is not null)
        {
            var fontSize = m * 0.075;
            var lines = TextLayout.WrapBalanced(spec.Title, w * 0.84 / fontSize);
            for (var i = 0; i < lines.Count; i++)
                svg.Text(w / 2.0, y + frameHeight + fontSize * 1.4 + fontSize * 1.3 * i, lines[i], fontSize, spec.Palette.Ink, weight: 700);
        }
        Chip(svg, spec, m * 0.06, h - m * 0.12, m);
    }

    private static void Chip(Svg svg, CoverSpec spec, double x, double y, double m)
    {
        var fontSize = m * 0.04;
        var width = TextLayout.Units(spec.Label) * fontSize + fontSize * 1.4;
        svg.Rect(x, y, width, fontSize * 1.7, spec.Palette.Ink, fontSize * 0.85, 0.78);
        svg.Text(x + width / 2, y + fontSize * 0.85, spec.Label, fontSize, "#ffffff", weight: 600);
    }

    private static string Pick(IReadOnlyList<string> items, Random random) => items[random.Next(items.Count)];
}
