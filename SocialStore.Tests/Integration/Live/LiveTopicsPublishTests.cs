using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Live;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Live;

/// <summary>What the services publish on the live bus after commit (ADR-052), on both databases.</summary>
public sealed class LiveTopicsPublishTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LikesCollectsAndComments_PublishTheNotesNewCounts_OnlyWhenTheyChanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bus = new InProcessLiveBus();
        var notifications = new NotificationService(db.Factory, TimeProvider.System, new LiveNotificationBus(bus));
        var services = TestServices.Build(db, TimeProvider.System, configure: s => s.AddSingleton<ILiveBus>(bus));
        var likes = services.GetRequiredService<LikeService>();
        var collects = services.GetRequiredService<CollectService>();
        var comments = services.GetRequiredService<CommentService>();
        var author = await TestData.UserAsync(db.Factory, "live_author");
        var fan = await TestData.UserAsync(db.Factory, "live_fan");
        var note = await TestData.NoteAsync(db.Factory, author.Id, "直播笔记");
        var seen = new List<string>();
        var bells = new List<string>();
        using var _ = bus.Subscribe(LiveTopics.Note(note.Id), p => { seen.Add(p); return Task.CompletedTask; });
        using var __ = bus.Subscribe(LiveTopics.Unread(author.Id), p => { bells.Add(p); return Task.CompletedTask; });

        await likes.LikeNoteAsync(fan.Id, note.Id, default);
        await likes.LikeNoteAsync(fan.Id, note.Id, default); // already liked: nothing changed, nothing sent
        await collects.CollectAsync(fan.Id, note.Id, null, default);
        var comment = await comments.AddAsync(fan.Id, note.Id, "好看", null, default);
        await comments.DeleteAsync(fan.Id, comment.Id, default);
        await likes.UnlikeNoteAsync(fan.Id, note.Id, default);

        Assert.Equal(["likes=1", "collects=1", "comments=1", "comments=0", "likes=0"], seen);
        Assert.Equal(["1", "2", "3", "2", "1"], bells); // the bell is a topic of the same bus
    }

    [Fact]
    public async Task AnOrderMove_AndAGroupChange_ArePublishedOnTheirTopics()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bus = new InProcessLiveBus();
        var notifications = new NotificationService(db.Factory, TimeProvider.System, new LiveNotificationBus(bus));
        var handler = new OutboxOrderUpdateHandler(db.Factory, notifications, TimeProvider.System, bus);
        var groups = new GroupBuyNotifier(bus);
        var seen = new List<string>();
        using var _ = bus.Subscribe(LiveTopics.Order(42), p => { seen.Add("order:" + p); return Task.CompletedTask; });
        using var __ = groups.Subscribe(7, () => { seen.Add("group"); return Task.CompletedTask; });

        await handler.HandleAsync(JsonSerializer.Serialize(new OrderStatusChanged(42, null, OrderStatus.PendingPayment)), default);
        await handler.HandleAsync(JsonSerializer.Serialize(new OrderStatusChanged(42, OrderStatus.PendingPayment, OrderStatus.Paid)), default);
        await groups.PublishAsync(7);
        await groups.PublishAsync(8);

        Assert.Equal(["order:Paid", "group"], seen);
    }
}
