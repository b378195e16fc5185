using SocialStore.Domain.Common;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Identity;
using SocialStore.Web.Components.Pages.Admin.Dashboards;

namespace SocialStore.Web.Endpoints;

public static class DashboardEndpoints
{
    public const string DailyCsvPath = "/admin/dashboard/daily.csv";

    public static string CsvPath(string table) => $"/admin/dashboard/{table}.csv";

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/dashboard/{table}.csv", CsvAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin)).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>One table or series of the dashboard as CSV; a bad range is a 400 with the localised message, and nothing is computed.</summary>
    private static async Task<IResult> CsvAsync(HttpContext context, DashboardQueries queries, TimeProvider clock,
        Microsoft.Extensions.Localization.IStringLocalizer<DashboardResource> d, string table, string? from, string? to)
    {
        if (!DashboardCsv.Tables.Contains(table)) return Results.NotFound();
        DashboardFigures figures;
        try
        {
            var range = DashboardRanges.Resolve(from, to, clock);
            figures = await queries.FiguresAsync(context.User, range, context.RequestAborted);
        }
        catch (DomainException e) when (e.Code != DashboardErrors.AdminOnly)
        {
            return Results.BadRequest(d[e.Code].Value);
        }
        catch (DomainException)
        {
            return Results.Forbid();
        }
        context.Response.Headers.CacheControl = "no-store";
        var name = $"dashboard-{table}-{DashboardRanges.Text(figures.Range.From)}-{DashboardRanges.Text(figures.Range.To)}.csv";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(DashboardCsv.Write(table, figures)!), "text/csv; charset=utf-8", name);
    }
}
