using Microsoft.Extensions.Localization;
using SocialStore.Domain.Common;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Web.Components.Pages.Admin.Orders;
using SocialStore.Web.Components.Pages.Orders;

namespace SocialStore.Web.Endpoints;

public static class OrderEndpoints
{
    public const string ExportPath = "/admin/orders/export.csv";

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin)).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The admin list's filter as CSV (UTF-8 with BOM, quoted, formula-safe); the service checks the role again.</summary>
    private static async Task<IResult> ExportAsync(
        HttpContext context, OrderQueries orders, IStringLocalizer<OrderResource> o, TimeProvider clock,
        string? status, string? from, string? to, string? q, string? refunds)
    {
        IReadOnlyList<AdminOrderRow> rows;
        try
        {
            rows = await orders.AdminExportAsync(context.User, AdminOrderFilters.Parse(status, from, to, q, 1, refunds == "open"), context.RequestAborted);
        }
        catch (DomainException)
        {
            return Results.Forbid();
        }
        string[] header =
        [
            o["Csv.Number"], o["Csv.Status"], o["Csv.Created"], o["Csv.Paid"], o["Csv.Total"], o["Csv.Refunded"], o["Csv.Currency"],
            o["Csv.Recipient"], o["Csv.Mobile"], o["Csv.Address"], o["Csv.Items"], o["Csv.Quantity"], o["Csv.Carrier"], o["Csv.Tracking"],
        ];
        var lines = rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Number, OrderText.Status(o, r.Status), OrderText.Time(r.CreatedAt), r.PaidAt is { } paid ? OrderText.Time(paid) : "",
            OrderCsv.Money(r.Total), OrderCsv.Money(r.RefundedAmount), r.Currency, r.Recipient, r.Mobile,
            $"{r.Province} {r.City} {r.District} {r.AddressDetail}", r.Items, r.ItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Carrier, r.TrackingNumber,
        ]).ToList();
        var name = $"orders-{clock.GetUtcNow().ToOffset(OrderQueries.ShopOffset):yyyyMMdd-HHmm}.csv";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream => OrderCsv.WriteAsync(stream, header, lines, context.RequestAborted), "text/csv; charset=utf-8", name);
    }
}
