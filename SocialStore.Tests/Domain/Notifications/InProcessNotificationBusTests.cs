using SocialStore.Domain.Notifications;

namespace SocialStore.Tests.Domain.Notifications;

public class InProcessNotificationBusTests
{
    [Fact]
    public async Task Publish_ReachesEverySubscriberOfThatUserOnly()
    {
        var bus = new InProcessNotificationBus();
        var a1 = new List<int>();
        var a2 = new List<int>();
        var b = new List<int>();
        using var s1 = bus.Subscribe("a", n => { a1.Add(n); return Task.CompletedTask; });
        var s2 = bus.Subscribe("a", n => { a2.Add(n); return Task.CompletedTask; });
        using var s3 = bus.Subscribe("b", n => { b.Add(n); return Task.CompletedTask; });

        await bus.PublishAsync("a", 3);
        s2.Dispose();
        s2.Dispose();
        await bus.PublishAsync("a", 4);
        await bus.PublishAsync("c", 9);

        Assert.Equal([3, 4], a1);
        Assert.Equal([3], a2);
        Assert.Empty(b);
        Assert.False(bus.HasSubscribers("c"));
    }

    [Fact]
    public async Task SubscribeAndDispose_FromManyThreads_LeaveNoSubscriber()
    {
        var bus = new InProcessNotificationBus();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            using var s = bus.Subscribe($"u{i % 5}", _ => Task.CompletedTask);
        })));

        Assert.All(Enumerable.Range(0, 5), i => Assert.False(bus.HasSubscribers($"u{i}")));
    }
}
