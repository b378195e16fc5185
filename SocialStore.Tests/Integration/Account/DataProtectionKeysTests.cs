using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Hosting;

namespace SocialStore.Tests.Integration.Account;

/// <summary>
/// ADR-030: the Data Protection key ring lives in the database, so a sign-in cookie and an anti-forgery token
/// issued by one node (or before a restart) are accepted by another node on the same database.
/// </summary>
public sealed class DataProtectionKeysTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignInCookie_SecondInstanceOnTheSameDatabase_IsAcceptedWithItsAntiforgery(DatabaseProvider provider)
    {
        await using var database = provider == DatabaseProvider.PostgreSql ? await TestDatabase.CreateAsync(provider) : null;
        await using var first = new AppFactory();
        if (database is not null) UseDatabase(first, database);
        var cookies = new CookieContainer();
        using var onFirst = AccountTestClient.Create(first, cookies, "en-US");
        var email = AccountTestClient.NewEmail("node");
        await onFirst.RegisterAndConfirmAsync(email);
        Assert.Equal("/", (await onFirst.LoginAsync(email, TestAccounts.Password)).Path);
        // A form rendered by the first node: its anti-forgery token and cookie come from the first node's key.
        var manageOnFirst = await onFirst.GetAsync("/Account/Manage");
        Assert.Equal("/Account/Manage", manageOnFirst.Path);

        await using var second = new AppFactory();
        UseDatabase(second, database, first);
        using var onSecond = AccountTestClient.Create(second, cookies, "en-US");
        var manageOnSecond = await onSecond.GetAsync("/Account/Manage");
        Assert.Equal("/Account/Manage", manageOnSecond.Path);
        var signedOut = await onSecond.SubmitAsync(manageOnFirst, "Account/Logout", []);

        Assert.Equal(HttpStatusCode.OK, signedOut.Response.StatusCode);
        Assert.Equal("/Account/Login", (await onSecond.GetAsync("/Account/Manage")).Path);
        // Both nodes read one key from the table (the second made none of its own), not from a folder on this machine.
        foreach (var app in new[] { first, second })
        {
            var options = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
            Assert.IsType<EntityFrameworkCoreXmlRepository<DataProtectionKeyContext>>(options.XmlRepository);
        }
        await using var scope = second.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<DataProtectionKeyContext>().DataProtectionKeys.ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTable_RunTwice_KeepsTheKeys()
    {
        await using var app = new AppFactory();
        using var client = AccountTestClient.Create(app);
        await client.GetAsync("/Account/Login");
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<DataProtectionKeyContext>();
        var before = await context.DataProtectionKeys.CountAsync();

        await DataProtectionKeys.EnsureTableAsync(app.Services, CancellationToken.None);

        Assert.Equal(1, before);
        Assert.Equal(before, await context.DataProtectionKeys.CountAsync());
    }

    /// <summary>Points <paramref name="app"/> at <paramref name="database"/>, or at the SQLite file of <paramref name="other"/>.</summary>
    private static void UseDatabase(AppFactory app, TestDatabase? database, AppFactory? other = null)
    {
        if (database is not null)
        {
            app.Settings["Database:Provider"] = database.Provider.ToString();
            app.Settings["ConnectionStrings:SocialStore"] = database.ConnectionString;
        }
        else if (other is not null)
        {
            app.Settings["ConnectionStrings:SocialStore"] = $"Data Source={Path.Combine(other.DataDirectory, "socialstore.db")}";
        }
    }
}
