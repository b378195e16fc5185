using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>ADR-028: start-up generates the demo community in Development only; Production ignores Seed:OnStartup with a warning.</summary>
public sealed class DemoSeedStartupTests
{
    [Fact]
    public async Task Start_ProductionWithSeedOnStartup_LeavesTheEmptyDatabaseEmptyAndWarns()
    {
        await using var app = new EnvironmentAppFactory("Production");
        var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.True(response.IsSuccessStatusCode);
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        Assert.Equal(0, await context.Notes.CountAsync());
        Assert.Equal(0, await context.Products.CountAsync());
        Assert.Equal(0, await context.Users.CountAsync());
        var warning = Assert.Single(app.Log, e => e.Level == LogLevel.Warning && e.Message.Contains("Seed:OnStartup", StringComparison.Ordinal));
        Assert.Contains("Production", warning.Message);
    }

    [Fact]
    public void SeedsOnStartup_DevelopmentOnOrAnyEnvironmentOff_FollowsTheSetting()
    {
        var log = new ListLogger();

        Assert.True(Decide("Development", "true", log));
        Assert.False(Decide("Development", null, log));
        Assert.False(Decide("Production", null, log));
        Assert.False(Decide("Staging", "false", log));
        Assert.Empty(log.Entries);
        Assert.False(Decide("Staging", "true", log));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
    }

    private static bool Decide(string environment, string? seedOnStartup, ILogger logger)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:OnStartup"] = seedOnStartup }).Build();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        return SocialStore.Web.Hosting.CommandLine.SeedsOnStartup(configuration, host, logger);
    }

    private sealed class EnvironmentAppFactory(string environment) : AppFactory(seed: true)
    {
        private readonly ListLogger logger = new();

        public IReadOnlyCollection<(LogLevel Level, string Message)> Log => logger.Entries;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("App:PublicOrigin", "https://shop.example.test");
            builder.ConfigureLogging(logging => logging.AddProvider(logger));
        }
    }

    private sealed class ListLogger : ILogger, ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

        public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => entries;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue((logLevel, formatter(state, exception)));
        }

        public void Dispose()
        {
        }
    }
}
