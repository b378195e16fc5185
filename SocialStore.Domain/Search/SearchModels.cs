using SocialStore.Domain.Catalog;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Search;

/// <summary>A page of hits. Html members are safe HTML: the text encoded, matches wrapped in &lt;mark&gt;.</summary>
public sealed record SearchResults<T>(IReadOnlyList<T> Items, int Page, bool HasMore)
{
    public static readonly SearchResults<T> Empty = new([], 1, false);
}

public sealed record NoteHit(NoteCard Card, string TitleHtml, string SnippetHtml);

public sealed record ProductHit(ProductCard Card, string TitleHtml, string SnippetHtml);

public sealed record UserHit(string Handle, string DisplayName, string? AvatarKey, int FollowerCount, string NameHtml, string BioHtml);

public sealed record TopicHit(string Name, int NoteCount, string NameHtml);

/// <summary>One suggestion while typing: <see cref="Kind"/> is topic, user or note.</summary>
public sealed record SearchSuggestion(string Kind, string Text, string Url);

/// <summary>The terms of a query as the index understands them; the last may be matched as a prefix (typing).
/// <see cref="TitleOnly"/> restricts the match to title-like fields (suggestions show titles, so they must contain the words).</summary>
public sealed record SearchTerms(IReadOnlyList<string> Terms, bool PrefixLast, bool TitleOnly = false)
{
    public static SearchTerms Parse(string? query, bool prefixLast = false)
    {
        var terms = SearchTokenizer.QueryTerms(query);
        // Only a word being typed can be a prefix; a CJK pair is already complete.
        var lastIsWord = terms.Count > 0 && !SearchTokenizer.Segments(terms[^1]).Any(s => s.IsCjk);
        return new SearchTerms(terms, prefixLast && lastIsWord);
    }
}

/// <summary>Search across notes, products, users and topics; one implementation per database provider (ADR-013).</summary>
public interface ISearchService
{
    Task<SearchResults<NoteHit>> NotesAsync(string? query, int page, CancellationToken cancellationToken);

    Task<SearchResults<ProductHit>> ProductsAsync(string? query, int page, CancellationToken cancellationToken);

    Task<SearchResults<UserHit>> UsersAsync(string? query, int page, CancellationToken cancellationToken);

    Task<SearchResults<TopicHit>> TopicsAsync(string? query, int page, CancellationToken cancellationToken);

    /// <summary>At most 8: topics, then users, then note titles; the last word may be unfinished.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? query, CancellationToken cancellationToken);
}
