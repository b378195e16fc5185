using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Identity;

public static class IdentityRegistration
{
    /// <summary>Accounts (sign-up helpers, profiles' own edits) and staff roles.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services
        .AddScoped<AccountService>()
        .AddScoped<ProfileService>()
        .AddSingleton<StaffService>();
}
