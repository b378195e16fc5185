using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialStore.Domain.Live;
using StackExchange.Redis;

namespace SocialStore.Web.Hosting;

/// <summary>
/// More than one node (ADR-052): with <c>Redis:Configuration</c> set (a StackExchange.Redis configuration string,
/// e.g. <c>127.0.0.1:6379</c>), live updates go over Redis pub/sub and the anonymous page cache lives in Redis,
/// so every node behind the same database sees the same pages and the same pushes. Without it (the default for
/// <c>dotnet run</c> and the tests) both stay in-process.
/// </summary>
public static class RedisHosting
{
    public const string Section = "Redis";

    public static IServiceCollection AddSocialStoreRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var options = RedisOptions.From(configuration);
        if (options is null) return services;
        var connection = new RedisConnection(options.Configuration);
        services.AddSingleton(options);
        services.AddSingleton(connection);
        services.RemoveAll<ILiveBus>();
        services.AddSingleton<ILiveBus, RedisLiveBus>();
        services.AddHostedService<RedisLiveBusStarter>();
        // The output cache's store (its tags are Redis sets, so an eviction by tag on one node empties it for all).
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = options.InstanceName;
            o.ConnectionMultiplexerFactory = connection.GetAsync;
        });
        return services;
    }
}

/// <summary>Settings of the <c>Redis</c> section; null when no Redis is configured.</summary>
public sealed record RedisOptions(string Configuration, string InstanceName)
{
    /// <summary>Prefix of every key and channel, so several shops (or test runs) can share one Redis.</summary>
    public const string DefaultInstanceName = "socialstore:";

    public string LiveChannel => InstanceName + "live";

    public static RedisOptions? From(IConfiguration configuration)
    {
        var value = configuration[RedisHosting.Section + ":Configuration"];
        if (string.IsNullOrWhiteSpace(value)) return null;
        var instance = configuration[RedisHosting.Section + ":InstanceName"];
        return new RedisOptions(value, string.IsNullOrWhiteSpace(instance) ? DefaultInstanceName : instance);
    }
}

/// <summary>One multiplexer per process for the bus and the cache, connected on first use and reconnecting by itself.</summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> connection = new(() => ConnectAsync(configuration));

    public Task<IConnectionMultiplexer> GetAsync() => connection.Value;

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start even when Redis is not up yet; the multiplexer keeps trying in the background.
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated) await (await connection.Value).DisposeAsync();
    }
}

/// <summary>
/// The live bus across nodes: every publish goes to one Redis channel, and every node (the publisher's too)
/// delivers what arrives to its own subscribers through an <see cref="InProcessLiveBus"/>. Redis pub/sub is
/// at most once — a node that is disconnected at that moment misses the message — which is what the bus
/// promises: the database stays the truth, and a page reads it again when it reconnects.
/// </summary>
public sealed class RedisLiveBus : ILiveBus
{
    private readonly InProcessLiveBus local;
    private readonly RedisConnection connection;
    private readonly RedisChannel channel;
    private readonly ILogger logger;
    private readonly Task subscribed;

    public RedisLiveBus(RedisConnection connection, RedisOptions options, ILoggerFactory loggers)
    {
        this.connection = connection;
        channel = RedisChannel.Literal(options.LiveChannel);
        logger = loggers.CreateLogger<RedisLiveBus>();
        local = new InProcessLiveBus(loggers.CreateLogger<InProcessLiveBus>());
        subscribed = SubscribeAsync();
    }

    /// <summary>Completes when this node listens on the channel (tests wait for it before publishing).</summary>
    public Task Subscribed => subscribed;

    public IDisposable Subscribe(string topic, Func<string, Task> handler) => local.Subscribe(topic, handler);

    /// <summary>Another node may have a page open on the topic: always true.</summary>
    public bool MayHaveSubscribers(string topic) => true;

    public async Task PublishAsync(string topic, string payload)
    {
        try
        {
            var redis = await connection.GetAsync();
            await redis.GetSubscriber().PublishAsync(channel, topic + "\n" + payload);
        }
        catch (Exception ex)
        {
            // At most once: the change is committed; open pages show it on their next read.
            logger.LogWarning(ex, "Could not publish a live update on {Topic}", topic);
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            var redis = await connection.GetAsync();
            var queue = await redis.GetSubscriber().SubscribeAsync(channel);
            // In order, one message at a time; a slow circuit delays only this node's delivery.
            queue.OnMessage(message => Deliver(message.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not subscribe to the live update channel");
        }
    }

    private Task Deliver(RedisValue message)
    {
        var text = (string?)message;
        var split = text?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        return split <= 0 ? Task.CompletedTask : local.PublishAsync(text![..split], text[(split + 1)..]);
    }
}

/// <summary>Subscribes this node to the live channel at start-up, so a message published right after start reaches it.</summary>
public sealed class RedisLiveBusStarter(ILiveBus bus, ILogger<RedisLiveBusStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (bus is not RedisLiveBus redis) return;
        var done = await Task.WhenAny(redis.Subscribed, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        if (done != redis.Subscribed) logger.LogWarning("Redis is not answering yet: live updates start when it does");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
