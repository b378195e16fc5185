using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialStore.Domain.Common;
using SocialStore.Domain.Ordering;
using SocialStore.Web.Services;

namespace SocialStore.Web.Components.Pages.Orders;

/// <summary>How orders read on the pages: shop-time dates, localised statuses, timeline lines and adjustment labels.</summary>
public static class OrderText
{
    public static string Time(DateTimeOffset at) => at.ToOffset(OrderQueries.ShopOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Status(IStringLocalizer o, OrderStatus status) => o["Status." + status];

    /// <summary>A timeline line: the move ("已发货 · 顺丰 SF…") or an after-sales note ("退款已批准 ¥56.08：白T恤").</summary>
    public static string Event(IStringLocalizer o, OrderEventView e)
    {
        if (e.Note is { } note && note.StartsWith("refund-", StringComparison.Ordinal))
        {
            var parts = note.Split('|', 3);
            if (parts.Length == 3 && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                return o["Event." + parts[0], Money.Format(amount, "CNY"), parts[2]];
        }
        if (e.To == OrderStatus.Cancelled && e.Note == "refunded") return o["Event.Cancelled.refunded"];
        // A system note with its own line (e.g. a group buy that failed: "拼团失败，已自动退款").
        if (e.Note is { Length: > 0 } && o["Event." + e.To + "." + e.Note] is { ResourceNotFound: false } known) return known.Value;
        var text = o["Event." + e.To].Value;
        return string.IsNullOrEmpty(e.Note) ? text : text + " · " + e.Note;
    }

    public static string Adjustment(IStringLocalizer o, OrderAdjustment adjustment)
    {
        var label = o[adjustment.Label];
        return label.ResourceNotFound ? adjustment.Label : label.Value;
    }
}
