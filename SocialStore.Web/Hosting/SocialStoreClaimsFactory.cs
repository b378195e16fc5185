using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Identity;

namespace SocialStore.Web.Hosting;

/// <summary>Puts the public profile (handle, display name, avatar) into the sign-in cookie, so the shell renders without a query.</summary>
public sealed class SocialStoreClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string Handle = "ss:handle";
    public const string DisplayName = "ss:name";
    public const string Avatar = "ss:avatar";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Handle, user.Handle));
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (!string.IsNullOrEmpty(user.AvatarKey)) identity.AddClaim(new Claim(Avatar, user.AvatarKey));
        return identity;
    }
}
