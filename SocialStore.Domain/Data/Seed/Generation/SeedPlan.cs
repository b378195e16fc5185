using SocialStore.Domain.Data.Seed.Banks;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>
/// One reproducible data set. People, boards, categories and topics are held in memory; notes,
/// products and the engagement rows (likes, collects, comments, follows) are generated as they are
/// enumerated, so the large set never sits in memory at once. Per-note counts are decided up front:
/// a note's counters are written with the note, and the engagement streams then produce exactly
/// that many rows for it.
/// </summary>
internal sealed class SeedPlan
{
    private readonly NoteComposer composer;
    private readonly CatalogGenerator catalog;
    private readonly PeopleGenerator people;
    private readonly Engagement engagement;

    public SeedPlan(SeedScaleOptions options, DateTimeOffset now, IReadOnlySet<string> takenHandles)
    {
        Options = options;
        Now = SeedRandom.Seconds(now);
        people = new PeopleGenerator(options, Now, takenHandles);
        Users = people.Users();
        Boards = PeopleGenerator.Boards(Users, options.RandomSeed);
        Categories = CatalogGenerator.Categories();
        TopicNames = TopicBank.TopicNames;
        catalog = new CatalogGenerator(options, Now);
        composer = new NoteComposer(options, TopicNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal));
        engagement = new Engagement(options, Now, Users, Boards);
    }

    public SeedScaleOptions Options { get; }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<SeedUser> Users { get; }

    public IReadOnlyList<SeedBoard> Boards { get; }

    public IReadOnlyList<SeedCategory> Categories { get; }

    public IReadOnlyList<string> TopicNames { get; }

    public IEnumerable<SeedProduct> Products() => catalog.Products();

    public IEnumerable<SeedNote> Notes()
    {
        for (var n = 0; n < Options.Notes; n++)
        {
            var skeleton = engagement.Note(n);
            yield return composer.Compose(n, skeleton.Author, TopicBank.All[skeleton.Theme], skeleton.Chinese, skeleton.CreatedAt,
                skeleton.Likes, skeleton.Collects, skeleton.Comments);
        }
    }

    public IEnumerable<SeedFollow> Follows() => engagement.Follows();

    public IEnumerable<SeedLike> Likes() => engagement.Likes();

    public IEnumerable<SeedCollect> Collects() => engagement.Collects();

    public IEnumerable<SeedComment> Comments() => engagement.Comments();

    /// <summary>Pictures that notes do not carry themselves: avatars, products and (volume sets) the shared note pictures.</summary>
    public IEnumerable<SeedArtwork> SharedArtwork()
    {
        var artwork = people.Avatars(Users).Concat(catalog.Artwork());
        return Options.Showcase ? artwork : artwork.Concat(NoteComposer.PoolCovers());
    }

    public long TotalLikes => engagement.TotalLikes;

    public long TotalCollects => engagement.TotalCollects;

    public long TotalComments => engagement.TotalComments;
}
