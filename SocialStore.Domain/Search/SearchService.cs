using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Search;

/// <summary>
/// The provider-neutral half of search: turn the query into terms, ask the provider's full-text
/// engine for a page of target ids (<see cref="MatchAsync"/>), read the cards in one more query and
/// highlight them. Two round trips per page.
/// </summary>
public abstract class SearchService(IDbContextFactory<SocialStoreDbContext> dbFactory) : ISearchService
{
    public const int PageSize = 20;

    /// <summary>Search pages are small and few: relevance falls off quickly, and OFFSET stays cheap.</summary>
    public const int MaxPage = 10;

    /// <summary>The ids of matching documents of one kind, best first (relevance, then engagement, then newest).</summary>
    protected abstract Task<List<string>> MatchAsync(SocialStoreDbContext db, SearchKind kind, SearchTerms terms, int skip, int take, CancellationToken cancellationToken);

    public async Task<SearchResults<NoteHit>> NotesAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.Terms.Count == 0) return SearchResults<NoteHit>.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (ids, current, hasMore) = await PageAsync(db, SearchKind.Note, terms, page, PageSize, cancellationToken);
        if (ids.Count == 0) return new([], current, false);
        var keys = Longs(ids);
        var rows = await db.Notes.AsNoTracking()
            .Where(n => keys.Contains(n.Id) && n.Status == NoteStatus.Published)
            .Select(n => new
            {
                Card = new NoteCard(n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
                    n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey),
                n.Body,
            })
            .ToListAsync(cancellationToken);
        var hits = InOrder(keys, rows, r => r.Card.Id)
            .Select(r => new NoteHit(r.Card, SearchHighlighter.Highlight(r.Card.Title, terms.Terms), SearchSnippets.Snippet(r.Body, terms.Terms, 60)))
            .ToList();
        return new(hits, current, hasMore);
    }

    public async Task<SearchResults<ProductHit>> ProductsAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.Terms.Count == 0) return SearchResults<ProductHit>.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (ids, current, hasMore) = await PageAsync(db, SearchKind.Product, terms, page, PageSize, cancellationToken);
        if (ids.Count == 0) return new([], current, false);
        var keys = Longs(ids);
        var rows = await db.Products.AsNoTracking()
            .Where(p => keys.Contains(p.Id) && p.Status == ProductStatus.OnSale)
            .Select(p => new
            {
                Card = new ProductCard(p.Id, p.Title, p.Brand, p.Price, p.Currency, p.CoverKey, p.SalesCount),
                p.Subtitle,
            })
            .ToListAsync(cancellationToken);
        var hits = InOrder(keys, rows, r => r.Card.Id)
            .Select(r => new ProductHit(r.Card, SearchHighlighter.Highlight(r.Card.Title, terms.Terms), SearchSnippets.Snippet(r.Subtitle, terms.Terms, 60)))
            .ToList();
        return new(hits, current, hasMore);
    }

    public async Task<SearchResults<UserHit>> UsersAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.Terms.Count == 0) return SearchResults<UserHit>.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (ids, current, hasMore) = await PageAsync(db, SearchKind.User, terms, page, PageSize, cancellationToken);
        if (ids.Count == 0) return new([], current, false);
        var rows = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Handle, u.DisplayName, u.AvatarKey, u.FollowerCount, u.Bio })
            .ToListAsync(cancellationToken);
        var hits = InOrder(ids, rows, r => r.Id)
            .Select(r => new UserHit(r.Handle, r.DisplayName, r.AvatarKey, r.FollowerCount,
                SearchHighlighter.Highlight(r.DisplayName, terms.Terms), SearchSnippets.Snippet(r.Bio, terms.Terms, 60)))
            .ToList();
        return new(hits, current, hasMore);
    }

    public async Task<SearchResults<TopicHit>> TopicsAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.Terms.Count == 0) return SearchResults<TopicHit>.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (ids, current, hasMore) = await PageAsync(db, SearchKind.Topic, terms, page, PageSize, cancellationToken);
        if (ids.Count == 0) return new([], current, false);
        var keys = ids.Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList();
        var rows = await db.Topics.AsNoTracking()
            .Where(t => keys.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, Notes = db.NoteTopics.Count(nt => nt.TopicId == t.Id) })
            .ToListAsync(cancellationToken);
        var hits = InOrder(keys, rows, r => r.Id)
            .Select(r => new TopicHit(r.Name, r.Notes, SearchHighlighter.Highlight(r.Name, terms.Terms)))
            .ToList();
        return new(hits, current, hasMore);
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query, prefixLast: true);
        if (terms.Terms.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suggestions = new List<SearchSuggestion>(8);

        var topicIds = (await MatchAsync(db, SearchKind.Topic, terms, 0, 3, cancellationToken)).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList();
        var userIds = await MatchAsync(db, SearchKind.User, terms, 0, 2, cancellationToken);
        var noteIds = Longs(await MatchAsync(db, SearchKind.Note, terms with { TitleOnly = true }, 0, 8 - topicIds.Count - Math.Min(userIds.Count, 2), cancellationToken));

        if (topicIds.Count > 0)
        {
            var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            suggestions.AddRange(InOrder(topicIds, topics, t => t.Id).Select(t => new SearchSuggestion("topic", "#" + t.Name, "/topics/" + Uri.EscapeDataString(t.Name))));
        }
        if (userIds.Count > 0)
        {
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Handle, u.DisplayName }).ToListAsync(cancellationToken);
            suggestions.AddRange(InOrder(userIds, users, u => u.Id).Select(u => new SearchSuggestion("user", $"{u.DisplayName} @{u.Handle}", "/u/" + Uri.EscapeDataString(u.Handle))));
        }
        if (noteIds.Count > 0)
        {
            var notes = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id) && n.Status == NoteStatus.Published).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken);
            suggestions.AddRange(InOrder(noteIds, notes, n => n.Id).Select(n => new SearchSuggestion("note", n.Title, "/notes/" + SearchDocuments.Key(n.Id))));
        }
        return suggestions.Take(8).ToList();
    }

    private async Task<(List<string> Ids, int Page, bool HasMore)> PageAsync(SocialStoreDbContext db, SearchKind kind, SearchTerms terms, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var ids = await MatchAsync(db, kind, terms, (page - 1) * pageSize, pageSize + 1, cancellationToken);
        var hasMore = ids.Count > pageSize && page < MaxPage;
        if (ids.Count > pageSize) ids.RemoveAt(ids.Count - 1);
        return (ids, page, hasMore);
    }

    private static List<long> Longs(IEnumerable<string> ids) =>
        ids.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).Where(v => v > 0).ToList();

    /// <summary>The rows in the ranked order of the keys; rows that vanished since indexing (deleted, hidden) are skipped.</summary>
    private static IEnumerable<T> InOrder<TKey, T>(IEnumerable<TKey> keys, IEnumerable<T> rows, Func<T, TKey> key) where TKey : notnull
    {
        var byKey = rows.ToDictionary(key);
        foreach (var k in keys)
            if (byKey.TryGetValue(k, out var row)) yield return row;
    }
}

/// <summary>
/// SQLite: an FTS5 table (unicode61) per kind over the pre-tokenised columns, ranked by bm25 with titles
/// weighted ×4. Ranking every match of a very common character (的, 面: tens of thousands of notes) costs
/// hundreds of milliseconds, so bm25 is computed for at most <see cref="Candidates"/> matches, newest first
/// (FTS5 walks its rowids backwards and stops); for rarer queries that is every match, so the order is exact.
/// </summary>
public sealed class SqliteSearchService(IDbContextFactory<SocialStoreDbContext> dbFactory) : SearchService(dbFactory)
{
    public const int Candidates = 1000;

    protected override Task<List<string>> MatchAsync(SocialStoreDbContext db, SearchKind kind, SearchTerms terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Every term is a quoted string (FTS5 phrase); quotes inside are doubled. Juxtaposition means AND.
        var match = string.Join(' ', terms.Terms.Select((t, i) =>
            "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (terms.PrefixLast && i == terms.Terms.Count - 1 ? "*" : "")));
        if (terms.TitleOnly) match = "{TitleTerms} : (" + match + ")";
        var table = $"Search{kind}Fts";
        // The table name comes from the enum, never from input; the match expression, limits and offset are parameters.
        var sql = $$"""
            SELECT d."TargetId" AS "Value"
            FROM (
                SELECT rowid AS "DocumentId", bm25("{{table}}", 4.0, 1.0) AS "Score"
                FROM "{{table}}"
                WHERE "{{table}}" MATCH {0}
                ORDER BY rowid DESC
                LIMIT {{Candidates}}) AS m
            JOIN "SearchDocuments" d ON d."Id" = m."DocumentId"
            ORDER BY round(m."Score", 1), d."Engagement" DESC, d."Id" DESC
            LIMIT {1} OFFSET {2}
            """;
        return db.Database.SqlQueryRaw<string>(sql, match, take, skip).ToListAsync(cancellationToken);
    }
}

/// <summary>
/// PostgreSQL: a generated tsvector column ('simple' config, titles weight A) with a GIN index; ts_rank, then
/// engagement. A one-character query can match most notes (的: 75 %); ranking them all costs ~300 ms, so
/// for those ts_rank runs on the <see cref="Candidates"/> newest matches (a backward scan of (Kind, Id)).
/// Pairs and words match a few thousand rows at most, which the GIN index finds and ts_rank orders exactly;
/// the cap would make the planner prefer the backward scan there too, which is slower for them.
/// </summary>
public sealed class PostgreSqlSearchService(IDbContextFactory<SocialStoreDbContext> dbFactory) : SearchService(dbFactory)
{
    public const int Candidates = 1000;

    protected override Task<List<string>> MatchAsync(SocialStoreDbContext db, SearchKind kind, SearchTerms terms, int skip, int take, CancellationToken cancellationToken)
    {
        // Every term is a quoted lexeme ('' escapes a quote); the terms are joined with &.
        var tsquery = string.Join(" & ", terms.Terms.Select((t, i) =>
            "'" + t.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'" + Suffix(terms.PrefixLast && i == terms.Terms.Count - 1, terms.TitleOnly)));
        var k = kind.ToString();
        var oneCharacter = terms.Terms.Count == 1 && terms.Terms[0].EnumerateRunes().Count() == 1;
        if (!oneCharacter)
            return db.Database.SqlQuery<string>($"""
                SELECT d."TargetId" AS "Value"
                FROM "SearchDocuments" d
                WHERE d."Kind" = {k} AND d."SearchVector" @@ to_tsquery('simple', {tsquery})
                ORDER BY round(ts_rank(d."SearchVector", to_tsquery('simple', {tsquery}))::numeric, 2) DESC, d."Engagement" DESC, d."Id" DESC
                LIMIT {take} OFFSET {skip}
                """).ToListAsync(cancellationToken);
        return db.Database.SqlQuery<string>($"""
            SELECT c."TargetId" AS "Value"
            FROM (
                SELECT d."Id", d."TargetId", d."SearchVector", d."Engagement"
                FROM "SearchDocuments" d
                WHERE d."Kind" = {k} AND d."SearchVector" @@ to_tsquery('simple', {tsquery})
                ORDER BY d."Id" DESC
                LIMIT {Candidates}) AS c
            ORDER BY round(ts_rank(c."SearchVector", to_tsquery('simple', {tsquery}))::numeric, 2) DESC, c."Engagement" DESC, c."Id" DESC
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>A lexeme's label: * for a prefix, A for the title weight (e.g. 'lanc':*A).</summary>
    private static string Suffix(bool prefix, bool titleOnly) =>
        prefix || titleOnly ? ":" + (prefix ? "*" : "") + (titleOnly ? "A" : "") : "";
}

/// <summary>SQL Server: a full-text index over the pre-tokenised columns (neutral word breaker); CONTAINSTABLE rank, then engagement.</summary>
public sealed class SqlServerSearchService(IDbContextFactory<SocialStoreDbContext> dbFactory) : SearchService(dbFactory)
{
    protected override Task<List<string>> MatchAsync(SocialStoreDbContext db, SearchKind kind, SearchTerms terms, int skip, int take, CancellationToken cancellationToken)
    {
        var condition = string.Join(" AND ", terms.Terms.Select((t, i) =>
            "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + (terms.PrefixLast && i == terms.Terms.Count - 1 ? "*" : "") + "\""));
        var k = kind.ToString();
        if (terms.TitleOnly)
            return db.Database.SqlQuery<string>($"""
                SELECT d.[TargetId] AS [Value]
                FROM CONTAINSTABLE([SearchDocuments], [TitleTerms], {condition}) AS ft
                JOIN [SearchDocuments] AS d ON d.[Id] = ft.[KEY]
                WHERE d.[Kind] = {k}
                ORDER BY ft.[RANK] / 10 DESC, d.[Engagement] DESC, d.[Id] DESC
                OFFSET {skip} ROWS FETCH NEXT {take} ROWS ONLY
                """).ToListAsync(cancellationToken);
        return db.Database.SqlQuery<string>($"""
            SELECT d.[TargetId] AS [Value]
            FROM CONTAINSTABLE([SearchDocuments], ([TitleTerms], [BodyTerms]), {condition}) AS ft
            JOIN [SearchDocuments] AS d ON d.[Id] = ft.[KEY]
            WHERE d.[Kind] = {k}
            ORDER BY ft.[RANK] / 10 DESC, d.[Engagement] DESC, d.[Id] DESC
            OFFSET {skip} ROWS FETCH NEXT {take} ROWS ONLY
            """).ToListAsync(cancellationToken);
    }
}
