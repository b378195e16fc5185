using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Generation;

// Generated rows refer to each other by position in the plan; the writers turn positions into keys.

internal sealed record SeedUser(
    int Index, string Id, string Handle, string DisplayName, string Bio, string Email, string AvatarKey,
    DateTimeOffset CreatedAt, bool Chinese, int[] Interests, string Initial);

internal sealed record SeedBoard(int Index, int OwnerIndex, string Name, bool IsDefault, bool IsPrivate, DateTimeOffset CreatedAt);

internal sealed record SeedCategory(int Index, int? ParentIndex, string Slug, string NameZh, string NameEn, int SortOrder);

internal sealed record SeedProduct(
    int Index, int CategoryIndex, string Title, string Subtitle, string Description, string Brand,
    decimal Price, decimal OriginalPrice, int Stock, string CoverKey, DateTimeOffset CreatedAt);

/// <summary>A note image; <see cref="Art"/> is set when the image is drawn for this note alone.</summary>
internal sealed record SeedImage(string Key, int Width, int Height, string Alt, CoverSpec? Art);

internal sealed record SeedNote(
    int Index, int AuthorIndex, string Title, string Body, DateTimeOffset CreatedAt,
    IReadOnlyList<SeedImage> Images, IReadOnlyList<int> TopicIndices, int Likes, int Collects, int Comments);

internal readonly record struct SeedFollow(int FollowerIndex, int FolloweeIndex, DateTimeOffset CreatedAt);

internal readonly record struct SeedLike(int NoteIndex, int UserIndex, DateTimeOffset CreatedAt);

internal readonly record struct SeedCollect(int NoteIndex, int UserIndex, int BoardIndex, DateTimeOffset CreatedAt);

/// <summary>A comment; <see cref="ParentIndex"/> is the earlier top-level comment on the same note that it replies to.</summary>
internal sealed record SeedComment(long Index, int NoteIndex, int AuthorIndex, long? ParentIndex, string Body, DateTimeOffset CreatedAt);

/// <summary>A picture the media store needs: its key and how to draw it.</summary>
internal sealed record SeedArtwork(string Key, Func<Svg> Draw);
