using System.Text;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The admin's order export as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel reads Chinese,
/// every cell quoted when it needs to be, and cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) prefixed with an apostrophe (OWASP CSV injection).
/// </summary>
public static class OrderCsv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(Line(header));
        foreach (var row in rows) await writer.WriteAsync(Line(row));
        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Money(decimal amount) => Common.Money.Plain(amount);
}
