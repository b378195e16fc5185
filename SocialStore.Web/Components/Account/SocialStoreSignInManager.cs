using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Identity;
using SocialStore.Domain.PersonalData;

namespace SocialStore.Web.Components.Account;

/// <summary>
/// Every way in (password, two-factor, recovery code, passkey, external login) ends in
/// <see cref="SignInWithClaimsAsync"/>: a completed sign-in cancels a pending account deletion (ADR-051) and
/// leaves a flag the sign-in pages turn into a "deletion cancelled" page. An erased account can never sign in.
/// </summary>
public sealed class SocialStoreSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AccountDeletionService deletions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const string CancelledFlag = "socialstore.deletion-cancelled";

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user) && !await deletions.IsErasedAsync(user.Id, Context.RequestAborted);

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (await deletions.CancelOnSignInAsync(user.Id, Context.RequestAborted)) Context.Items[CancelledFlag] = true;
    }

    /// <summary>
    /// Where a sign-in page sends the person next: the "deletion cancelled" page (then on to
    /// <paramref name="returnUrl"/>) when this request's sign-in cancelled their deletion, else <paramref name="returnUrl"/>.
    /// </summary>
    public static string? NextUrl(HttpContext context, string? returnUrl) =>
        context.Items.ContainsKey(CancelledFlag)
            ? "Account/DeletionCancelled?returnUrl=" + Uri.EscapeDataString(string.IsNullOrEmpty(returnUrl) ? "/" : returnUrl)
            : returnUrl;
}
