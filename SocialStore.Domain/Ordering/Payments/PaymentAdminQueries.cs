using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Ordering;

public sealed record PaymentIncidentRow(long Id, PaymentIncidentKind Kind, DateTimeOffset ReceivedAt, string? SessionId, string? OrderNumber, string Detail, string? RemoteAddress);

public sealed record PaymentCallbackRow(long Id, string Provider, string CallbackId, string SessionId, string? OrderNumber, string Event, DateTimeOffset ReceivedAt);

public sealed record PaymentAdminOverview(IReadOnlyList<PaymentIncidentRow> Incidents, IReadOnlyList<PaymentCallbackRow> Callbacks);

/// <summary>What the admin sees under /admin/payments: refused or late callbacks, and the latest accepted ones.</summary>
public sealed class PaymentAdminQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int Take = 100;

    public async Task<PaymentAdminOverview> OverviewAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The page is [Authorize(Roles = Admin)] too; the service checks again so no other caller skips it.
        Roles.RequireAdmin(user, PaymentAdminErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = await (
            from i in db.PaymentIncidents.AsNoTracking()
            orderby i.ReceivedAt descending, i.Id descending
            select new PaymentIncidentRow(
                i.Id, i.Kind, i.ReceivedAt, i.SessionId,
                (from p in db.Payments where p.SessionId == i.SessionId join o in db.Orders on p.OrderId equals o.Id select o.Number).FirstOrDefault(),
                i.Detail, i.RemoteAddress)).Take(Take).ToListAsync(cancellationToken);
        var callbacks = await (
            from c in db.PaymentCallbacks.AsNoTracking()
            orderby c.ReceivedAt descending, c.Id descending
            select new PaymentCallbackRow(
                c.Id, c.Provider, c.CallbackId, c.SessionId,
                (from p in db.Payments where p.Provider == c.Provider && p.SessionId == c.SessionId join o in db.Orders on p.OrderId equals o.Id select o.Number).FirstOrDefault(),
                c.Event, c.ReceivedAt)).Take(Take).ToListAsync(cancellationToken);
        return new PaymentAdminOverview(incidents, callbacks);
    }
}
