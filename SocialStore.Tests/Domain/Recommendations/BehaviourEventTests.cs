using SocialStore.Domain.Data;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

public class BehaviourEventTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_ThousandViewsFromOneClientInASecond_CountOncePerDwellWindow(DatabaseProvider provider)
    {
        await using var bed = await RecsTestBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id, "咖啡日记", "咖啡");
        var client = BehaviourEventSink.ClientKeyFor(null, "203.0.113.7");

        // 1,000 beacons in one second, from many threads at once.
        var accepted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            if (bed.Sink.Record(BehaviourKind.View, null, client, noteId: noteId, dwellMs: i)) Interlocked.Increment(ref accepted);
            if (i % 100 == 0) bed.Social.Clock.Advance(TimeSpan.FromMilliseconds(50));
            return ValueTask.CompletedTask;
        });
        // Another client's view of the same note counts on its own.
        Assert.True(bed.Sink.Record(BehaviourKind.View, null, BehaviourEventSink.ClientKeyFor(null, "198.51.100.1"), noteId: noteId, dwellMs: 4000));
        var written = await bed.Writer.DrainAsync(default);

        Assert.Equal(1, accepted);
        Assert.Equal(2, written);
        Assert.Equal(2, (await bed.EventsAsync()).Count(e => e.Kind == BehaviourKind.View && e.NoteId == noteId));

        // Within the window: still nothing; once it has passed: one more.
        bed.Social.Clock.Advance(TimeSpan.FromMinutes(bed.Options.Value.DwellWindowMinutes - 1));
        Assert.False(bed.Sink.Record(BehaviourKind.View, null, client, noteId: noteId));
        bed.Social.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(bed.Sink.Record(BehaviourKind.View, null, client, noteId: noteId, dwellMs: 99_999_999));
        await bed.Writer.DrainAsync(default);

        var events = await bed.EventsAsync();
        Assert.Equal(3, events.Count);
        Assert.Equal(BehaviourEventSink.MaxDwellMs, events[^1].DwellMs);
        Assert.All(events, e => Assert.False(e.Personalised));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Writer_RecordsEachPersonsConsentState(DatabaseProvider provider)
    {
        await using var bed = await RecsTestBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var on = await bed.Social.UserAsync("on");
        var off = await bed.Social.UserAsync("off");
        var noteId = await bed.NoteAsync(author.Id, "咖啡", "咖啡");
        await bed.Personalisation.SetEnabledAsync(off.Id, false, default);

        bed.Sink.Record(BehaviourKind.View, on.Id, BehaviourEventSink.ClientKeyFor(on.Id, null), noteId: noteId, dwellMs: 12_000);
        bed.Sink.Record(BehaviourKind.View, off.Id, BehaviourEventSink.ClientKeyFor(off.Id, null), noteId: noteId, dwellMs: 12_000);
        bed.Sink.Record(BehaviourKind.Like, on.Id, BehaviourEventSink.ClientKeyFor(on.Id, null), noteId: noteId);
        await bed.Writer.DrainAsync(default);

        var events = await bed.EventsAsync();
        Assert.Equal(3, events.Count);
        Assert.True(events.Single(e => e.UserId == on.Id && e.Kind == BehaviourKind.View).Personalised);
        Assert.True(events.Single(e => e.UserId == on.Id && e.Kind == BehaviourKind.Like).Personalised);
        Assert.False(events.Single(e => e.UserId == off.Id).Personalised);
        Assert.Equal(12_000, events.Single(e => e.UserId == off.Id).DwellMs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cleaner_DeletesOnlyEventsPastRetention(DatabaseProvider provider)
    {
        await using var bed = await RecsTestBed.CreateAsync(provider, new BehaviourEventOptions { RetentionDays = 30 });
        var author = await bed.Social.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id, "咖啡", "咖啡");
        for (var i = 0; i < 5; i++) bed.Sink.Record(BehaviourKind.Like, author.Id, "u:" + i, noteId: noteId);
        await bed.Writer.DrainAsync(default);
        bed.Social.Clock.Advance(TimeSpan.FromDays(20));
        for (var i = 0; i < 3; i++) bed.Sink.Record(BehaviourKind.Share, author.Id, "u:" + i, noteId: noteId);
        await bed.Writer.DrainAsync(default);

        bed.Social.Clock.Advance(TimeSpan.FromDays(11));
        var deleted = await bed.Cleaner.SweepAsync(default);
        var again = await bed.Cleaner.SweepAsync(default);

        Assert.Equal(5, deleted);
        Assert.Equal(0, again);
        var left = await bed.EventsAsync();
        Assert.Equal(3, left.Count);
        Assert.All(left, e => Assert.Equal(BehaviourKind.Share, e.Kind));
    }
}
