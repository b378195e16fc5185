namespace SocialStore.Domain.Data.Seed.Art;

/// <summary>A square avatar (shown round by the UI): a gradient with the person's initial or an emoji.</summary>
internal static class AvatarArt
{
    public const int Size = 240;

    public static Svg Draw(Palette palette, string glyph, bool isEmoji, int seed)
    {
        var random = new Random(seed);
        var svg = new Svg(Size, Size).LinearGradient("bg", palette.From, palette.Accent, 30 + random.Next(90));
        svg.Rect(0, 0, Size, Size, "url(#bg)");
        svg.Circle(Size * (0.15 + random.NextDouble() * 0.7), Size * 0.15, Size * 0.3, "#ffffff", 0.2);
        svg.Circle(Size * random.NextDouble(), Size * 0.95, Size * 0.35, palette.To, 0.35);
        if (isEmoji) svg.Text(Size / 2.0, Size / 2.0 + 4, glyph, Size * 0.5, palette.Ink);
        else svg.Text(Size / 2.0, Size / 2.0 + 4, glyph, Size * 0.46, "#ffffff", weight: 700);
        return svg;
    }
}
