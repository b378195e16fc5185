namespace SocialStore.Domain.Notes;

/// <summary>An image of a note being composed: its media key (from the upload), its size and its alt text.</summary>
public sealed record NoteImageInput(string Key, int Width, int Height, string? Alt);

/// <summary>What the composer sends: the text, the images in order (the first is the cover) and the tagged products in order.</summary>
public sealed record NoteInput(string? Title, string? Body, IReadOnlyList<NoteImageInput> Images, IReadOnlyList<long> ProductIds);

/// <summary>A tagged or taggable product, as the composer shows it.</summary>
public sealed record ProductChip(long Id, string Title, string CoverKey, decimal Price, string Currency);

/// <summary>A note as its author edits it.</summary>
public sealed record NoteForEdit(
    long Id, NoteStatus Status, string Title, string Body,
    IReadOnlyList<NoteImageInput> Images, IReadOnlyList<ProductChip> Products, DateTimeOffset? EditedAt);

public sealed record DraftSummary(long Id, string Title, string BodyStart, string CoverKey, int ImageCount, DateTimeOffset CreatedAt);

public sealed record DeletedNoteSummary(long Id, string Title, string AuthorHandle, string AuthorName, DateTimeOffset DeletedAt);

public sealed record UserSuggestion(string Id, string Handle, string DisplayName, string? AvatarKey);
