using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Identity;

public enum StaffRoleFilter { Everyone, Staff, Admins, Moderators }

public sealed record StaffUserQuery(string? Text = null, StaffRoleFilter Filter = StaffRoleFilter.Everyone, int Skip = 0, int Take = 20);

public sealed record StaffUserRow(
    string Id, string Handle, string DisplayName, string? Email, DateTimeOffset CreatedAt,
    bool IsAdmin, bool IsModerator, bool TwoFactorEnabled);

public sealed record StaffUserPage(IReadOnlyList<StaffUserRow> Items, int Total);

public sealed record StaffAuditRow(DateTimeOffset At, string ActorHandle, string Action, string TargetHandle, string Before, string After);

/// <summary>
/// Who is staff: admins grant and revoke the Admin and Moderator roles. Every method checks the
/// caller's role itself. A change is one transaction: the role row, a new security stamp (so the
/// person's other sessions re-check their roles) and an audit entry. Nobody changes their own roles,
/// so the acting admin always remains and the shop can never lose its last admin this way.
/// </summary>
public sealed class StaffService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<StaffUserPage> ListAsync(ClaimsPrincipal actor, StaffUserQuery query, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Role ids are looked up inside the query (one round trip for the count, one for the page).
        var adminRole = db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        var moderatorRole = db.Roles.Where(r => r.Name == Roles.Moderator).Select(r => r.Id);
        var users = db.Users.AsNoTracking();
        var text = (query.Text ?? "").Trim();
        if (text.Length > 100) text = text[..100];
        if (text.Length > 0)
        {
            var handle = text.TrimStart('@').ToLowerInvariant();
            var email = text.ToUpperInvariant();
            users = users.Where(u => u.Handle.StartsWith(handle) || u.DisplayName.Contains(text) || u.NormalizedEmail == email || u.Id == text);
        }
        users = query.Filter switch
        {
            StaffRoleFilter.Admins => users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && adminRole.Contains(r.RoleId))),
            StaffRoleFilter.Moderators => users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && moderatorRole.Contains(r.RoleId))),
            StaffRoleFilter.Staff => users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && ((adminRole.Contains(r.RoleId) || moderatorRole.Contains(r.RoleId))))),
            _ => users,
        };
        var total = await users.CountAsync(cancellationToken);
        var items = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(u => new StaffUserRow(u.Id, u.Handle, u.DisplayName, u.Email, u.CreatedAt,
                db.UserRoles.Any(r => r.UserId == u.Id && adminRole.Contains(r.RoleId)),
                db.UserRoles.Any(r => r.UserId == u.Id && moderatorRole.Contains(r.RoleId)),
                u.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
        return new StaffUserPage(items, total);
    }

    /// <summary>Grants or revokes a staff role. Returns false when the user already was in that state (nothing written).</summary>
    public Task<bool> SetRoleAsync(ClaimsPrincipal actor, string userId, string role, bool member, CancellationToken cancellationToken)
    {
        var actorId = EnsureAdmin(actor);
        if (!Roles.All.Contains(role)) throw new DomainException(StaffErrors.UnknownRole);
        if (userId == actorId) throw new DomainException(StaffErrors.NotYourself);
        return DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new DomainException(StaffErrors.UserNotFound);
            var roleId = await EnsureRoleAsync(db, role, ct);
            bool changed;
            if (member)
            {
                // Another admin may be granting the same role right now: a row the database refuses as a
                // duplicate is already there (PostgreSQL lets both transactions get past the check).
                changed = !await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == roleId, ct)
                    && await UniqueInsert.TryInsertAsync(db, new IdentityUserRole<string> { UserId = userId, RoleId = roleId }, ct);
            }
            else
            {
                changed = await db.UserRoles.Where(r => r.UserId == userId && r.RoleId == roleId).ExecuteDeleteAsync(ct) > 0;
            }
            if (!changed) return false;
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
            db.AuditLog.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                ActorId = actorId,
                Action = member ? AuditActions.RoleGrant : AuditActions.RoleRevoke,
                TargetType = AuditTargets.User,
                TargetId = userId,
                Before = member ? "" : role,
                After = member ? role : "",
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The latest role changes, newest first.</summary>
    public async Task<IReadOnlyList<StaffAuditRow>> RecentChangesAsync(ClaimsPrincipal actor, int take, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == AuditActions.RoleGrant || a.Action == AuditActions.RoleRevoke)
            .OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(a => new StaffAuditRow(a.At,
                db.Users.Where(u => u.Id == a.ActorId).Select(u => u.Handle).FirstOrDefault() ?? "",
                a.Action,
                db.Users.Where(u => u.Id == a.TargetId).Select(u => u.Handle).FirstOrDefault() ?? "",
                a.Before, a.After))
            .ToListAsync(cancellationToken);
    }

    private static Task<string?> RoleIdAsync(SocialStoreDbContext db, string role, CancellationToken cancellationToken)
    {
        var normalized = role.ToUpperInvariant();
        return db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<string> EnsureRoleAsync(SocialStoreDbContext db, string role, CancellationToken cancellationToken)
    {
        if (await RoleIdAsync(db, role, cancellationToken) is { } id) return id;
        var created = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
        if (await UniqueInsert.TryInsertAsync(db, created, cancellationToken)) return created.Id;
        // Created meanwhile by a concurrent call (the role name is unique): use that one.
        return await RoleIdAsync(db, role, cancellationToken) ?? throw new InvalidOperationException($"The role {role} is neither there nor insertable.");
    }

    private static string EnsureAdmin(ClaimsPrincipal actor) => Roles.RequireAdmin(actor, StaffErrors.AdminOnly);
}
