using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Components.Pages.Admin.Orders;

/// <summary>The admin order filter as a query string, shared by the list page and the CSV export; anything forged is ignored.</summary>
public static class AdminOrderFilters
{
    public static AdminOrderFilter Parse(string? status, string? from, string? to, string? q, int? page, bool openRefunds = false) => new(
        Enum.TryParse<OrderStatus>(status, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null,
        ParseDate(from), ParseDate(to),
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 20)],
        page is > 0 ? page.Value : 1,
        openRefunds);

    public static string Query(AdminOrderFilter filter)
    {
        var query = new Dictionary<string, string?>();
        if (filter.Status is { } s) query["status"] = s.ToString();
        if (filter.From is { } f) query["from"] = f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (filter.To is { } t) query["to"] = t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(filter.Search)) query["q"] = filter.Search;
        if (filter.OpenRefunds) query["refunds"] = "open";
        if (filter.Page > 1) query["page"] = filter.Page.ToString(CultureInfo.InvariantCulture);
        return query.Count == 0 ? "" : QueryHelpers.AddQueryString("", query);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
