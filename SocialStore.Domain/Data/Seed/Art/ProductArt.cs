namespace SocialStore.Domain.Data.Seed.Art;

internal enum ProductShape
{
    Bottle,
    Jar,
    Dropper,
    Tube,
    Lipstick,
    Compact,
    Shirt,
    Sneaker,
    Bag,
    Pouch,
    Cup,
    Box,
    Candle,
    Headphones,
    Phone,
    Dumbbell,
    Tent,
    Book,
    Bowl,
    Blocks,
}

/// <summary>A square product picture: the item drawn from simple shapes on a soft background, with its brand.</summary>
internal static class ProductArt
{
    public const int Size = 800;

    public static Svg Draw(ProductShape shape, Palette palette, string brand, int seed)
    {
        var random = new Random(seed);
        var svg = new Svg(Size, Size).LinearGradient("bg", palette.From, palette.To, 60 + random.Next(60));
        svg.Rect(0, 0, Size, Size, "url(#bg)");
        svg.Circle(Size * (0.2 + random.NextDouble() * 0.6), Size * 0.42, Size * 0.3, "#ffffff", 0.35);
        svg.Ellipse(400, 660, 230, 26, palette.Ink, 0.12);
        var label = DrawShape(svg, shape, palette);
        if (label is { } l)
        {
            svg.Rect(l.X - l.Width / 2 - 10, l.Y - 36, l.Width + 20, 72, "#ffffff", 12, 0.94);
            svg.Text(l.X, l.Y, Fit(brand, l.Width / 42), 42, palette.Ink, weight: 700);
        }
        else
        {
            svg.Text(400, 734, Fit(brand, 12), 52, palette.Ink, weight: 700);
        }
        svg.Text(60, 64, "✦", 44, palette.Accent);
        return svg;
    }

    private static string Fit(string text, double maxUnits)
    {
        var lines = TextLayout.Wrap(text, maxUnits);
        return lines.Count == 0 ? "" : lines[0];
    }

    /// <summary>Draws the item; returns where its brand label goes, or null to caption it below.</summary>
    private static (double X, double Y, double Width)? DrawShape(Svg s, ProductShape shape, Palette p)
    {
        const string White = "#ffffff";
        switch (shape)
        {
            case ProductShape.Bottle:
                s.Rect(355, 215, 90, 60, p.Ink, 12).Rect(370, 270, 60, 40, p.Accent).Rect(290, 300, 220, 360, p.Accent, 44);
                s.Rect(305, 320, 24, 300, White, 12, 0.35);
                return (400, 470, 180);
            case ProductShape.Jar:
                s.Rect(240, 380, 320, 80, p.Ink, 24).Rect(250, 440, 300, 220, p.Accent, 50).Rect(270, 460, 22, 170, White, 11, 0.35);
                return (400, 560, 230);
            case ProductShape.Dropper:
                s.Ellipse(400, 205, 42, 52, p.Ink).Rect(370, 235, 60, 80, p.Ink, 8).Rect(310, 310, 180, 350, p.Accent, 36);
                s.Rect(326, 330, 20, 300, White, 10, 0.35);
                return (400, 480, 150);
            case ProductShape.Tube:
                s.Polygon(0, 0, 1, p.Accent, 1, (300, 200), (500, 200), (470, 560), (330, 560)).Rect(340, 555, 120, 105, p.Ink, 16);
                return (400, 360, 170);
            case ProductShape.Lipstick:
                s.Polygon(0, 0, 1, p.Accent, 1, (350, 360), (450, 330), (450, 230), (400, 190), (350, 250));
                s.Rect(340, 355, 120, 70, "#d4af37", 6).Rect(325, 420, 150, 240, p.Ink, 14);
                return null;
            case ProductShape.Compact:
                s.Ellipse(400, 470, 210, 190, p.Ink).Ellipse(400, 460, 175, 155, p.Accent).Ellipse(400, 460, 120, 105, White, 0.35);
                return null;
            case ProductShape.Shirt:
                s.Polygon(0, 0, 1, p.Accent, 1, (280, 230), (350, 200), (400, 240), (450, 200), (520, 230), (600, 330), (540, 380),
                    (520, 350), (520, 650), (280, 650), (280, 350), (260, 380), (200, 330));
                s.Polygon(0, 0, 1, White, 0.5, (370, 215), (400, 250), (430, 215));
                return (400, 460, 160);
            case ProductShape.Sneaker:
                s.Polygon(0, 0, 1, p.Accent, 1, (180, 600), (190, 440), (300, 430), (380, 500), (560, 540), (630, 580), (630, 620), (180, 620));
                s.Rect(170, 610, 470, 40, White, 18).Line(300, 470, 340, 500, p.Ink, 8).Line(330, 455, 370, 485, p.Ink, 8);
                return null;
            case ProductShape.Bag:
                s.Rect(250, 330, 300, 320, p.Accent, 28).Line(320, 340, 340, 200, p.Ink, 16).Line(340, 200, 460, 200, p.Ink, 16).Line(460, 200, 480, 340, p.Ink, 16);
                return (400, 490, 200);
            case ProductShape.Pouch:
                s.Polygon(0, 0, 1, p.Accent, 1, (280, 220), (520, 220), (540, 650), (260, 650)).Rect(280, 220, 240, 40, p.Ink, 6);
                s.Circle(400, 560, 40, White, 0.5);
                return (400, 420, 210);
            case ProductShape.Cup:
                s.Polygon(0, 0, 1, p.Accent, 1, (280, 300), (520, 300), (490, 650), (310, 650)).Rect(265, 270, 270, 44, p.Ink, 14);
                s.Rect(370, 200, 26, 80, p.Ink, 10);
                return (400, 460, 180);
            case ProductShape.Box:
                s.Polygon(0, 0, 1, p.Accent, 1, (230, 330), (570, 330), (570, 650), (230, 650));
                s.Polygon(0, 0, 1, p.Ink, 0.85, (210, 280), (590, 280), (570, 340), (230, 340)).Rect(385, 280, 30, 370, White, 0, 0.5);
                return (400, 500, 220);
            case ProductShape.Candle:
                s.Rect(290, 360, 220, 300, p.Accent, 30).Line(400, 360, 400, 310, p.Ink, 6).Ellipse(400, 280, 22, 40, "#ffb347");
                return (400, 510, 170);
            case ProductShape.Headphones:
                s.Line(260, 470, 270, 300, p.Ink, 26).Line(270, 300, 530, 300, p.Ink, 26).Line(530, 300, 540, 470, p.Ink, 26);
                s.Rect(215, 430, 110, 190, p.Accent, 40).Rect(475, 430, 110, 190, p.Accent, 40);
                return null;
            case ProductShape.Phone:
                s.Rect(290, 170, 220, 460, p.Ink, 36).Rect(305, 200, 190, 400, p.Accent, 20).Circle(400, 186, 6, White);
                return (400, 400, 170);
            case ProductShape.Dumbbell:
                s.Rect(260, 445, 280, 30, p.Ink, 10).Rect(200, 370, 80, 180, p.Accent, 20).Rect(520, 370, 80, 180, p.Accent, 20);
                s.Rect(170, 400, 40, 120, p.Ink, 12).Rect(590, 400, 40, 120, p.Ink, 12);
                return null;
            case ProductShape.Tent:
                s.Polygon(0, 0, 1, p.Accent, 1, (400, 230), (630, 650), (170, 650)).Polygon(0, 0, 1, p.Ink, 0.8, (400, 400), (480, 650), (320, 650));
                s.Line(400, 230, 400, 190, p.Ink, 8);
                return null;
            case ProductShape.Book:
                s.Rect(270, 200, 280, 440, p.Ink, 10).Rect(255, 190, 280, 440, p.Accent, 10).Rect(275, 190, 18, 440, White, 0, 0.4);
                return (410, 360, 200);
            case ProductShape.Bowl:
                s.Polygon(0, 0, 1, p.Accent, 1, (200, 440), (600, 440), (540, 620), (260, 620)).Rect(190, 420, 420, 40, p.Ink, 20);
                s.Circle(350, 410, 28, "#c8873a").Circle(420, 400, 30, "#c8873a").Circle(470, 415, 24, "#c8873a");
                return (400, 530, 200);
            default:
                s.Rect(240, 480, 160, 160, p.Accent, 14).Rect(400, 480, 160, 160, p.Ink, 14).Rect(320, 320, 160, 160, p.Accent, 14, 0.8);
                return null;
        }
    }
}
