using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

/// <summary>
/// Everything the generator needs to write believable notes about one subject, in Chinese and English.
/// Templates may use the slots {item}, {n}, {price}, {city}, {season} and {who} (see <see cref="SlotFiller"/>).
/// </summary>
internal sealed record TopicTheme
{
    /// <summary>URL- and key-safe English word, e.g. "skincare".</summary>
    public required string Slug { get; init; }

    public required string Zh { get; init; }

    public required string En { get; init; }

    public required string[] Emojis { get; init; }

    public required Palette[] Palettes { get; init; }

    /// <summary>Narrower hashtags that notes on this subject also carry.</summary>
    public required string[] TagsZh { get; init; }

    public required string[] TagsEn { get; init; }

    /// <summary>When a note names a city, it also gets this city topic, e.g. "{city}美食".</summary>
    public string? CityTagZh { get; init; }

    public required string[] ItemsZh { get; init; }

    public required string[] ItemsEn { get; init; }

    public required string[] TitlesZh { get; init; }

    public required string[] TitlesEn { get; init; }

    public required string[] OpeningsZh { get; init; }

    public required string[] PointsZh { get; init; }

    public required string[] ClosingsZh { get; init; }

    public required string[] OpeningsEn { get; init; }

    public required string[] PointsEn { get; init; }

    public required string[] ClosingsEn { get; init; }

    public required string[] CommentsZh { get; init; }

    public required string[] CommentsEn { get; init; }

    public required string[] BoardsZh { get; init; }

    public required string[] BoardsEn { get; init; }

    /// <summary>The Chinese topic name of the subject, "#护肤" style, and its English one.</summary>
    public string TopicName(bool chinese) => chinese ? Zh : En;
}

internal sealed record City(string Zh, string En, string Slug);
