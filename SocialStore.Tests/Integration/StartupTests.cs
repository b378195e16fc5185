using Microsoft.Extensions.Configuration;
using System.Net;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

public class StartupTests
{
    [Fact]
    public async Task Health_WithReachableDatabase_ReturnsHealthy()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("sqlite3")]
    [InlineData("7")]
    public void ParseProvider_Unknown_ListsTheValidOnes(string name)
    {
        var ex = Assert.Throws<StartupException>(() => DatabaseSetup.ParseProvider(name));
        Assert.Contains("Sqlite, SqlServer, PostgreSql", ex.Message);
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_GivesAClearMessage()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:SocialStore"] = "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=secret;Timeout=2",
        }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var ex = await Assert.ThrowsAsync<StartupException>(() => DatabaseInitializer.MigrateAsync(provider, CancellationToken.None));

        Assert.Contains("Cannot reach", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }
}
