using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using SocialStore.Domain.Data;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Search;

namespace SocialStore.Web.Hosting;

/// <summary>
/// The app's commands: (none) serve; <c>seed [--scale large]</c>; <c>create-admin &lt;email&gt;</c>.
/// Every command first applies pending migrations and creates the Data Protection key table when missing.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["seed", "create-admin"];

    /// <summary>The arguments without the command words, for the configuration system.</summary>
    public static string[] ConfigurationArgs(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0])
            ? args.Skip(args[0] == "create-admin" ? 2 : 1).ToArray()
            : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await DatabaseInitializer.MigrateAsync(app.Services, ct);
        await DataProtectionKeys.EnsureTableAsync(app.Services, ct);
        await RoleSeeder.SeedAsync(app.Services, ct);
        var command = args.Length > 0 && Commands.Contains(args[0]) ? args[0] : null;
        switch (command)
        {
            case "seed":
                var scale = app.Configuration["scale"] ?? "demo";
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
                    if (scale == "large") await seeder.SeedLargeAsync(ct);
                    else await seeder.SeedDemoAsync(ct);
                }
                Console.WriteLine($"Seeded the {scale} data set.");
                Console.WriteLine($"Search index: {await app.Services.GetRequiredService<SearchIndexer>().RebuildAsync(ct)} documents.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(app.Services, args.Length > 1 ? args[1] : null, Console.Out);
        }

        if (SeedsOnStartup(app.Configuration, app.Environment, app.Logger))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            if (await seeder.IsEmptyAsync(ct))
            {
                app.Logger.LogInformation("Empty database: generating the demo community…");
                await seeder.SeedDemoAsync(ct);
            }
        }

        // Rows written without EF (bulk seeding, imports) are not in the search index yet.
        var searchIndexer = app.Services.GetRequiredService<SearchIndexer>();
        if (await searchIndexer.NeedsRebuildAsync(ct))
            app.Logger.LogInformation("Search index rebuilt: {Count} documents.", await searchIndexer.RebuildAsync(ct));

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var address in addresses ?? [])
                Console.WriteLine($"SocialStore is running: open {address.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")} in a browser.");
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Whether start-up may generate the demo community: only in Development, and only when <c>Seed:OnStartup</c>
    /// is on (appsettings.Development.json turns it on). Anywhere else a fresh database stays empty, so invented
    /// people, notes and prices never reach a real site; the explicit <c>seed</c> command still works (ADR-028).
    /// </summary>
    internal static bool SeedsOnStartup(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        if (!configuration.GetValue("Seed:OnStartup", false)) return false;
        if (environment.IsDevelopment()) return true;
        logger.LogWarning(
            "Seed:OnStartup is ignored in the {Environment} environment: the generated demo community (invented people, notes and products) "
            + "is only written on start-up in Development. Run the app with the `seed` command to fill this database on purpose.",
            environment.EnvironmentName);
        return false;
    }

    internal static async Task<int> CreateAdminAsync(IServiceProvider services, string? email, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            Console.Error.WriteLine("Usage: create-admin <email>");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        // The roles exist: RoleSeeder runs right after migrations, before any command.
        // No default admin password exists anywhere: a random one is printed once.
        var password = OneTimePassword();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = await accounts.NewUserAsync(email, displayName: null, CancellationToken.None);
            user.EmailConfirmed = true;
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        else
        {
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, password);
            await users.UpdateSecurityStampAsync(user);
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin)) await users.AddToRoleAsync(user, Roles.Admin);
        output.WriteLine($"Admin: {email}");
        output.WriteLine($"One-time password: {password}");
        output.WriteLine("Sign in and change it under Account → Password.");
        return 0;
    }

    /// <summary>20 characters without look-alikes; always with a digit, a lower- and an upper-case letter, so Identity's rules accept it.</summary>
    internal static string OneTimePassword()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            if (candidate.Any(char.IsDigit) && candidate.Any(char.IsLower) && candidate.Any(char.IsUpper)) return candidate;
        }
    }
}
