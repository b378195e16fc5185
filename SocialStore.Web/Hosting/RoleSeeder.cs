using Microsoft.AspNetCore.Identity;
using SocialStore.Domain.Identity;

namespace SocialStore.Web.Hosting;

/// <summary>Makes sure every role in <see cref="Roles.All"/> exists; safe to run on every start.</summary>
public static class RoleSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await roles.RoleExistsAsync(role)) continue;
            var result = await roles.CreateAsync(new IdentityRole(role));
            // Two nodes starting together may both try; the loser sees the role already there.
            if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                throw new InvalidOperationException($"Cannot create the role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
