using System.Globalization;
using System.Text;

namespace SocialStore.Domain.Data.Seed.Art;

/// <summary>
/// Writes self-contained SVG: no script, no event attributes, no external references (the only
/// url() targets are gradients defined in the same file), every text XML-escaped.
/// </summary>
internal sealed class Svg
{
    public const string FontFamily = "'PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Microsoft YaHei',sans-serif";

    private readonly StringBuilder sb = new(2048);

    public Svg(int width, int height)
    {
        Width = width;
        Height = height;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width).Append("\" height=\"").Append(height)
          .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\">");
    }

    public int Width { get; }

    public int Height { get; }

    public Svg LinearGradient(string id, string from, string to, double angleDegrees)
    {
        var radians = angleDegrees * Math.PI / 180;
        var (dx, dy) = (Math.Cos(radians) / 2, Math.Sin(radians) / 2);
        sb.Append("<defs><linearGradient id=\"").Append(id).Append("\" x1=\"").Append(N(0.5 - dx)).Append("\" y1=\"").Append(N(0.5 - dy))
          .Append("\" x2=\"").Append(N(0.5 + dx)).Append("\" y2=\"").Append(N(0.5 + dy)).Append("\"><stop offset=\"0\" stop-color=\"")
          .Append(Color(from)).Append("\"/><stop offset=\"1\" stop-color=\"").Append(Color(to)).Append("\"/></linearGradient></defs>");
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string fill, double radius = 0, double opacity = 1, string? transform = null)
    {
        sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(width))
          .Append("\" height=\"").Append(N(height)).Append('"');
        if (radius > 0) sb.Append(" rx=\"").Append(N(radius)).Append('"');
        Paint(fill, opacity);
        if (transform is not null) sb.Append(" transform=\"").Append(Escape(transform)).Append('"');
        sb.Append("/>");
        return this;
    }

    public Svg Circle(double cx, double cy, double r, string fill, double opacity = 1)
    {
        sb.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r)).Append('"');
        Paint(fill, opacity);
        sb.Append("/>");
        return this;
    }

    public Svg Ellipse(double cx, double cy, double rx, double ry, string fill, double opacity = 1)
    {
        sb.Append("<ellipse cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" rx=\"").Append(N(rx))
          .Append("\" ry=\"").Append(N(ry)).Append('"');
        Paint(fill, opacity);
        sb.Append("/>");
        return this;
    }

    /// <summary>A path from points given as fractions of <paramref name="size"/>, offset by (x, y); closed.</summary>
    public Svg Polygon(double x, double y, double size, string fill, double opacity, params (double X, double Y)[] points)
    {
        sb.Append("<path d=\"");
        for (var i = 0; i < points.Length; i++)
            sb.Append(i == 0 ? 'M' : 'L').Append(N(x + points[i].X * size)).Append(' ').Append(N(y + points[i].Y * size)).Append(' ');
        sb.Append("Z\"");
        Paint(fill, opacity);
        sb.Append("/>");
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width, double opacity = 1)
    {
        sb.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
          .Append("\" stroke=\"").Append(Color(stroke)).Append("\" stroke-width=\"").Append(N(width)).Append("\" stroke-linecap=\"round\"");
        if (opacity < 1) sb.Append(" opacity=\"").Append(N(opacity)).Append('"');
        sb.Append("/>");
        return this;
    }

    public Svg Text(double x, double y, string text, double size, string fill, string anchor = "middle", int weight = 400, double opacity = 1)
    {
        sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-family=\"").Append(FontFamily)
          .Append("\" font-size=\"").Append(N(size)).Append("\" font-weight=\"").Append(weight).Append("\" text-anchor=\"").Append(anchor)
          .Append("\" dominant-baseline=\"central\"");
        Paint(fill, opacity);
        sb.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    public Svg Group(double translateX, double translateY)
    {
        sb.Append("<g transform=\"translate(").Append(N(translateX)).Append(' ').Append(N(translateY)).Append(")\">");
        return this;
    }

    public Svg EndGroup()
    {
        sb.Append("</g>");
        return this;
    }

    public override string ToString() => sb + "</svg>";

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToString());

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                // Characters XML 1.0 forbids would make the file unreadable; drop them.
                case < ' ' when c is not '\t' and not '\n' and not '\r': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    private void Paint(string fill, double opacity)
    {
        sb.Append(" fill=\"").Append(fill.StartsWith("url(#", StringComparison.Ordinal) ? Escape(fill) : Color(fill)).Append('"');
        if (opacity < 1) sb.Append(" opacity=\"").Append(N(opacity)).Append('"');
    }

    // Colours come from the palettes in code; anything else is a bug, not something to pass through.
    private static string Color(string color) =>
        color.Length is 4 or 7 && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit)
            ? color
            : throw new ArgumentException($"Not a hex colour: '{color}'.", nameof(color));

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
