using System.Globalization;
using System.Text;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Dashboards;

/// <summary>Each table and series of the dashboard as CSV: invariant culture, money with two decimals, rates as fractions with four.</summary>
public static class DashboardCsv
{
    public const string Daily = "daily", Funnel = "funnel", Retention = "retention", KFactor = "kfactor", TopNotes = "top-notes", TopCreators = "top-creators";

    public static readonly IReadOnlyList<string> Tables = [Daily, Funnel, Retention, KFactor, TopNotes, TopCreators];

    /// <summary>The named table as CSV; null when no table has that name.</summary>
    public static string? Write(string table, DashboardFigures f) => table switch
    {
        Daily => Csv(["day", "orders", "gmv", "net_gmv", "paying_users", "active_users"],
            f.Daily.Select(d => new[] { Day(d.Day), Int(d.Orders), Money.Plain(d.Gmv), Money.Plain(d.NetGmv), Int(d.PayingUsers), Int(d.ActiveUsers) })),
        Funnel => Csv(["step", "users", "recorded"],
            f.Funnel.Select(s => new[] { s.Key, Int(s.Users), s.Recorded ? "true" : "false" })),
        Retention => Csv(["day", "eligible", "retained", "rate"],
            f.Retention.Select(r => new[] { "D" + Int(r.Day), Int(r.Eligible), Int(r.Retained), Rate(r.Rate) })),
        KFactor => Csv(["week_start", "inviters", "invites", "converted", "invites_per_inviter", "conversion", "k", "open"],
            f.KFactor.Select(w => new[] { Day(w.WeekStart), Int(w.Inviters), Int(w.Invites), Int(w.Converted), w.InvitesPerInviter.ToString("0.00", CultureInfo.InvariantCulture), w.Conversion.ToString("0.0000", CultureInfo.InvariantCulture), w.K.ToString("0.00", CultureInfo.InvariantCulture), w.Open ? "true" : "false" })),
        TopNotes => Csv(["note_id", "title", "author", "orders", "gmv", "net_gmv"],
            f.TopNotes.Select(n => new[] { n.NoteId.ToString(CultureInfo.InvariantCulture), n.Title, n.AuthorName, Int(n.Orders), Money.Plain(n.Gmv), Money.Plain(n.NetGmv) })),
        TopCreators => Csv(["user_id", "handle", "name", "orders", "gmv", "net_gmv"],
            f.TopCreators.Select(c => new[] { c.UserId, c.Handle, c.DisplayName, Int(c.Orders), Money.Plain(c.Gmv), Money.Plain(c.NetGmv) })),
        _ => null,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    private static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(Field))).Append('\n');
        return csv.ToString();
    }

    /// <summary>Quotes a field with a comma, quote or line break; text starting with =, +, - or @ gets a leading ' so a spreadsheet does not run it.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
