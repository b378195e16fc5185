using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Live;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Hosting;

namespace SocialStore.Tests.Integration.Live;

/// <summary>The live bus (ADR-052): in-process topics, and two Redis buses — two nodes — on the test redis-server.</summary>
public sealed class RedisLiveBusTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [RedisFact]
    public async Task PublishOnNodeA_ReachesSubscribersOnBothNodes_UntilTheyUnsubscribe()
    {
        var options = new RedisOptions(TestRedis.Configuration!, TestRedis.NewInstanceName());
        await using var connectionA = new RedisConnection(options.Configuration);
        await using var connectionB = new RedisConnection(options.Configuration);
        var a = new RedisLiveBus(connectionA, options, NullLoggerFactory.Instance);
        var b = new RedisLiveBus(connectionB, options, NullLoggerFactory.Instance);
        await Task.WhenAll(a.Subscribed, b.Subscribed).WaitAsync(Wait);

        var onB = new List<string>();
        var onA = new List<string>();
        var otherTopic = new List<string>();
        var sentinel = new TaskCompletionSource();
        var subB = b.Subscribe(LiveTopics.Note(7), p => { lock (onB) onB.Add(p); return Task.CompletedTask; });
        using var subA = a.Subscribe(LiveTopics.Note(7), p => { lock (onA) onA.Add(p); return Task.CompletedTask; });
        using var other = b.Subscribe(LiveTopics.Note(8), p => { otherTopic.Add(p); return Task.CompletedTask; });
        using var done = b.Subscribe("test:sentinel", _ => { sentinel.TrySetResult(); return Task.CompletedTask; });
        Assert.True(a.MayHaveSubscribers(LiveTopics.Note(99))); // another node may listen

        // A payload with a line break and Chinese text arrives whole.
        await a.PublishAsync(LiveTopics.Note(7), new NoteCounterUpdate(NoteCounterUpdate.Likes, 12).ToString());
        await a.PublishAsync(LiveTopics.Note(7), "评论\n第二行");
        await WaitUntilAsync(() => { lock (onB) return onB.Count == 2; });
        subB.Dispose();
        await a.PublishAsync(LiveTopics.Note(7), "likes=13");
        await a.PublishAsync("test:sentinel", "");
        // One channel, in order: once the sentinel arrived on B, the message before it did too.
        await sentinel.Task.WaitAsync(Wait);
        await WaitUntilAsync(() => { lock (onA) return onA.Count == 3; });

        Assert.Equal(["likes=12", "评论\n第二行"], onB);
        Assert.Equal(["likes=12", "评论\n第二行", "likes=13"], onA);
        Assert.Empty(otherTopic);
        Assert.True(NoteCounterUpdate.TryParse(onB[0], out var parsed));
        Assert.Equal(new NoteCounterUpdate("likes", 12), parsed);
    }

    [RedisFact]
    public async Task TheBell_OverRedis_ReachesTheUserOnTheOtherNode()
    {
        var options = new RedisOptions(TestRedis.Configuration!, TestRedis.NewInstanceName());
        await using var connectionA = new RedisConnection(options.Configuration);
        await using var connectionB = new RedisConnection(options.Configuration);
        var a = new RedisLiveBus(connectionA, options, NullLoggerFactory.Instance);
        var b = new RedisLiveBus(connectionB, options, NullLoggerFactory.Instance);
        await Task.WhenAll(a.Subscribed, b.Subscribed).WaitAsync(Wait);
        var bellA = new LiveNotificationBus(a);
        var bellB = new LiveNotificationBus(b);
        var seen = new TaskCompletionSource<int>();
        using var _ = bellB.Subscribe("user-1", n => { seen.TrySetResult(n); return Task.CompletedTask; });

        Assert.True(bellA.HasSubscribers("user-1")); // node A cannot know: it counts and publishes
        await bellA.PublishAsync("user-1", 5);

        Assert.Equal(5, await seen.Task.WaitAsync(Wait));
    }

    [RedisFact]
    public async Task TheCartBadge_OverRedis_ReachesTheUsersTabOnTheOtherNode()
    {
        var options = new RedisOptions(TestRedis.Configuration!, TestRedis.NewInstanceName());
        await using var connectionA = new RedisConnection(options.Configuration);
        await using var connectionB = new RedisConnection(options.Configuration);
        var a = new RedisLiveBus(connectionA, options, NullLoggerFactory.Instance);
        var b = new RedisLiveBus(connectionB, options, NullLoggerFactory.Instance);
        await Task.WhenAll(a.Subscribed, b.Subscribed).WaitAsync(Wait);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await TestData.UserAsync(db.Factory, "cart_two_nodes");
        var product = await SocialStore.Tests.Domain.Catalog.CatalogTestData.SimpleAsync(db.Factory, "两台面霜", 99m, stock: 10);
        // The person's tab on node B listens on the cart topic; the cart changes through node A.
        var cartA = TestServices.Get<CartService>(db, TimeProvider.System, s => s.AddSingleton(new CartNotifier(a)));
        var seen = new TaskCompletionSource<int>();
        using var _ = new CartNotifier(b).Subscribe(CartItem.UserOwner(buyer.Id), n => { seen.TrySetResult(n); return Task.CompletedTask; });

        await cartA.AddAsync(CartItem.UserOwner(buyer.Id), product.Skus[0].Id, 2, CancellationToken.None);

        Assert.Equal(2, await seen.Task.WaitAsync(Wait));
        Assert.True(a.MayHaveSubscribers(LiveTopics.Cart(buyer.Id)));
    }

    [RedisFact]
    public async Task ARedisThatIsNotThere_LosesTheMessage_WithoutThrowing()
    {
        // Nothing listens on port 1: publishing is at most once and never fails the action that published.
        var options = new RedisOptions("127.0.0.1:1,connectTimeout=200", TestRedis.NewInstanceName());
        await using var connection = new RedisConnection(options.Configuration);
        var bus = new RedisLiveBus(connection, options, NullLoggerFactory.Instance);
        await bus.PublishAsync(LiveTopics.Order(1), "Paid").WaitAsync(Wait);
    }

    [Fact]
    public async Task InProcess_TopicsAreSeparate_AndABrokenSubscriberStopsNoOther()
    {
        var bus = new InProcessLiveBus();
        var got = new List<string>();
        using var broken = bus.Subscribe(LiveTopics.GroupBuy(1), _ => throw new InvalidOperationException("circuit gone"));
        using var ok = bus.Subscribe(LiveTopics.GroupBuy(1), p => { got.Add("group:" + p); return Task.CompletedTask; });
        var order = bus.Subscribe(LiveTopics.Order(1), p => { got.Add("order:" + p); return Task.CompletedTask; });

        await bus.PublishAsync(LiveTopics.GroupBuy(1), "");
        await bus.PublishAsync(LiveTopics.Order(1), "Paid");
        order.Dispose();
        await bus.PublishAsync(LiveTopics.Order(1), "Shipped");

        Assert.Equal(["group:", "order:Paid"], got);
        Assert.False(bus.MayHaveSubscribers(LiveTopics.Order(1)));
        Assert.False(NoteCounterUpdate.TryParse("likes=-1", out _));
        Assert.False(NoteCounterUpdate.TryParse("garbage", out _));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The live update did not arrive.");
            await Task.Delay(20);
        }
    }
}
