using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Domain.Social;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>The social test bed plus the recommendation services on the same database and fake clock.</summary>
public sealed class RecsTestBed : IAsyncDisposable
{
    private RecsTestBed(SocialTestBed social, BehaviourEventOptions? options)
    {
        Social = social;
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new BehaviourEventOptions());
        Sink = new BehaviourEventSink(social.Clock, Options);
        Writer = new BehaviourEventWriter(Sink, social.Db.Factory, Options, NullLogger<BehaviourEventWriter>.Instance);
        Cleaner = new BehaviourEventCleaner(social.Db.Factory, social.Clock, Options);
        Personalisation = new PersonalisationService(social.Db.Factory, social.Clock, new MemoryCache(new MemoryCacheOptions()));
        Candidates = new PersonalCandidateStore(social.Db.Factory, social.Clock, new MemoryCache(new MemoryCacheOptions()),
            Microsoft.Extensions.Options.Options.Create(new PersonalCandidateOptions()), Sink);
        PageCache = new MemoryCache(new MemoryCacheOptions());
        Cards = new DiscoverCards(social.Db.Factory, social.Clock);
        Personal = new PersonalFeedQueries(social.Db.Factory, Personalisation, social.Clock, Candidates, Cards, PageCache, Sink);
        Feed = new FeedQueries(social.Db.Factory);
    }

    public SocialTestBed Social { get; }

    public IOptions<BehaviourEventOptions> Options { get; }

    public BehaviourEventSink Sink { get; }

    public BehaviourEventWriter Writer { get; }

    public BehaviourEventCleaner Cleaner { get; }

    public PersonalisationService Personalisation { get; }

    public PersonalCandidateStore Candidates { get; }

    /// <summary>The personal feed's kept ranked lists (benchmarks clear it to measure first pages).</summary>
    public MemoryCache PageCache { get; }

    public DiscoverCards Cards { get; }

    public PersonalFeedQueries Personal { get; }

    public FeedQueries Feed { get; }

    public static async Task<RecsTestBed> CreateAsync(DatabaseProvider provider, BehaviourEventOptions? options = null) =>
        new(await SocialTestBed.CreateAsync(provider), options);

    /// <summary>A published note with these topics (created if missing), by the author.</summary>
    public async Task<long> NoteAsync(string authorId, string title, params string[] topics)
    {
        var id = await Social.NoteAsync(authorId, title: title);
        await using var db = await Social.Db.Factory.CreateDbContextAsync();
        foreach (var name in topics)
        {
            var topic = await db.Topics.FirstOrDefaultAsync(t => t.Name == name);
            if (topic is null)
            {
                topic = new Topic { Name = name, CreatedAt = Social.Clock.GetUtcNow() };
                db.Topics.Add(topic);
                await db.SaveChangesAsync();
            }
            db.NoteTopics.Add(new NoteTopic { NoteId = id, TopicId = topic.Id });
        }
        await db.SaveChangesAsync();
        return id;
    }

    public Task<int> TopicIdAsync(string name) => Social.QueryAsync(db => db.Topics.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public Task<List<BehaviourEvent>> EventsAsync() => Social.QueryAsync(db => db.BehaviourEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public ValueTask DisposeAsync() => Social.DisposeAsync();
}
