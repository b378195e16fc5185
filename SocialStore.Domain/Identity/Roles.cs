using System.Security.Claims;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Moderator];

    /// <summary>
    /// The one check every back-office service makes itself (a page that forgot its [Authorize], or a circuit
    /// whose user lost the role, still cannot act): a signed-in admin, or <paramref name="refusalCode"/>.
    /// Returns the admin's user id.
    /// </summary>
    public static string RequireAdmin(ClaimsPrincipal actor, string refusalCode)
    {
        var id = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actor.Identity?.IsAuthenticated != true || id is null || !actor.IsInRole(Admin)) throw new DomainException(refusalCode);
        return id;
    }
}
