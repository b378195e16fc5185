using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Search;

/// <summary>
/// Builds the whole index from the content tables: for rows written without EF (the large seeder's bulk
/// insert) and to refresh engagement. Reads in keyset chunks, tokenises in C#, writes multi-row INSERTs
/// in one transaction, so readers see the old index until the new one is complete.
/// </summary>
public sealed class SearchIndexer(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    private const int ReadChunk = 2000;
    private const int RowsPerInsert = 100; // 5 parameters a row: under SQL Server's 2,100

    /// <summary>True when content exists that the index has never seen (an empty index, or no documents of a kind that has rows).</summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = db.Set<SearchDocument>();
        if (!await documents.AnyAsync(d => d.Kind == SearchKind.Note, cancellationToken)
            && await db.Notes.AnyAsync(n => n.Status == NoteStatus.Published, cancellationToken))
            return true;
        return !await documents.AnyAsync(d => d.Kind == SearchKind.Product, cancellationToken)
               && await db.Products.AnyAsync(p => p.Status == ProductStatus.OnSale, cancellationToken);
    }

    /// <summary>Replaces the index with documents for every searchable row; returns how many were written.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SQLite: the FTS5 tables are rebuilt from their content in one pass at the end (5× faster than
        // row-by-row triggers), so the triggers are set aside for the bulk load and put back as they were.
        var sqliteTriggers = db.Database.IsSqlite()
            ? await db.Database.SqlQueryRaw<string>("""SELECT "sql" AS "Value" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'SearchDocuments'""").ToListAsync(cancellationToken)
            : [];
        if (db.Database.IsSqlite())
        {
            var names = await db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'SearchDocuments'""").ToListAsync(cancellationToken);
            foreach (var name in names)
            {
                var drop = "DROP TRIGGER \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
            }
        }
        await db.Set<SearchDocument>().ExecuteDeleteAsync(cancellationToken);
        var writer = new BatchWriter(db);
        var total = 0;

        for (long after = 0; ;)
        {
            var chunk = await db.Products.AsNoTracking()
                .Where(p => p.Id > after && p.Status == ProductStatus.OnSale).OrderBy(p => p.Id).Take(ReadChunk)
                .Select(p => new { p.Id, p.Title, p.Brand, p.Subtitle, p.Description, p.SalesCount }).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            total += await writer.WriteAsync(chunk.Select(p => SearchDocuments.ProductDocument(p.Id, p.Title, p.Brand, p.Subtitle, p.Description, p.SalesCount)), cancellationToken);
            after = chunk[^1].Id;
        }
        for (var after = ""; ;)
        {
            var chunk = await db.Users.AsNoTracking()
                .Where(u => string.Compare(u.Id, after) > 0).OrderBy(u => u.Id).Take(ReadChunk)
                .Select(u => new { u.Id, u.DisplayName, u.Handle, u.Bio, u.FollowerCount }).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            total += await writer.WriteAsync(chunk.Select(u => SearchDocuments.UserDocument(u.Id, u.DisplayName, u.Handle, u.Bio, u.FollowerCount)), cancellationToken);
            after = chunk[^1].Id;
        }
        var topics = await db.Topics.AsNoTracking()
            .Select(t => new { Topic = t, Notes = db.NoteTopics.Count(nt => nt.TopicId == t.Id) }).ToListAsync(cancellationToken);
        total += await writer.WriteAsync(topics.Select(t => SearchDocuments.For(t.Topic, t.Notes)), cancellationToken);
        // Notes last: they get the highest ids, so PostgreSQL's newest-first candidate scan for a
        // one-character query (a backward scan of the key) starts among them.
        for (long after = 0; ;)
        {
            var chunk = await db.Notes.AsNoTracking()
                .Where(n => n.Id > after && n.Status == NoteStatus.Published).OrderBy(n => n.Id).Take(ReadChunk)
                .Select(n => new { n.Id, n.Title, n.Body, n.HotScore }).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            total += await writer.WriteAsync(chunk.Select(n => SearchDocuments.NoteDocument(n.Id, n.Title, n.Body, n.HotScore)), cancellationToken);
            after = chunk[^1].Id;
        }

        if (db.Database.IsSqlite())
        {
            foreach (var kind in Enum.GetValues<SearchKind>())
            {
                var rebuild = "INSERT INTO \"Search" + kind + "Fts\"(\"Search" + kind + "Fts\") VALUES ('rebuild')";
                await db.Database.ExecuteSqlRawAsync(rebuild, cancellationToken);
            }
            foreach (var trigger in sqliteTriggers) await db.Database.ExecuteSqlRawAsync(trigger, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    /// <summary>
    /// Brings the engagement column (the tie-breaker after relevance) up to date with the live counters,
    /// which likes, follows and sales move with conditional UPDATEs that the index interceptor does not
    /// see. Only rows whose value differs are written. Returns how many documents changed.
    /// </summary>
    public async Task<int> RefreshEngagementAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var statements = db.Database.IsSqlServer() ? SqlServerEngagement : PortableEngagement;
        var changed = 0;
        foreach (var sql in statements) changed += await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        return changed;
    }

    // SQLite (3.33+) and PostgreSQL share UPDATE … FROM. The joins look documents up by their unique
    // (Kind, TargetId) index from the content table's side.
    private static readonly string[] PortableEngagement =
    [
        """
        UPDATE "SearchDocuments" SET "Engagement" = n."HotScore" FROM "Notes" AS n
        WHERE "SearchDocuments"."Kind" = 'Note' AND "SearchDocuments"."TargetId" = CAST(n."Id" AS TEXT) AND "SearchDocuments"."Engagement" <> n."HotScore"
        """,
        """
        UPDATE "SearchDocuments" SET "Engagement" = p."SalesCount" FROM "Products" AS p
        WHERE "SearchDocuments"."Kind" = 'Product' AND "SearchDocuments"."TargetId" = CAST(p."Id" AS TEXT) AND "SearchDocuments"."Engagement" <> p."SalesCount"
        """,
        """
        UPDATE "SearchDocuments" SET "Engagement" = u."FollowerCount" FROM "AspNetUsers" AS u
        WHERE "SearchDocuments"."Kind" = 'User' AND "SearchDocuments"."TargetId" = u."Id" AND "SearchDocuments"."Engagement" <> u."FollowerCount"
        """,
        """
        UPDATE "SearchDocuments" SET "Engagement" = (SELECT COUNT(*) FROM "NoteTopics" AS t WHERE t."TopicId" = CAST("SearchDocuments"."TargetId" AS INTEGER))
        WHERE "Kind" = 'Topic' AND "Engagement" <> (SELECT COUNT(*) FROM "NoteTopics" AS t WHERE t."TopicId" = CAST("SearchDocuments"."TargetId" AS INTEGER))
        """,
    ];

    private static readonly string[] SqlServerEngagement =
    [
        "UPDATE d SET d.[Engagement] = n.[HotScore] FROM [SearchDocuments] AS d JOIN [Notes] AS n ON d.[TargetId] = CAST(n.[Id] AS nvarchar(450)) WHERE d.[Kind] = N'Note' AND d.[Engagement] <> n.[HotScore]",
        "UPDATE d SET d.[Engagement] = p.[SalesCount] FROM [SearchDocuments] AS d JOIN [Products] AS p ON d.[TargetId] = CAST(p.[Id] AS nvarchar(450)) WHERE d.[Kind] = N'Product' AND d.[Engagement] <> p.[SalesCount]",
        "UPDATE d SET d.[Engagement] = u.[FollowerCount] FROM [SearchDocuments] AS d JOIN [AspNetUsers] AS u ON d.[TargetId] = u.[Id] WHERE d.[Kind] = N'User' AND d.[Engagement] <> u.[FollowerCount]",
        "UPDATE d SET d.[Engagement] = c.[Notes] FROM [SearchDocuments] AS d CROSS APPLY (SELECT COUNT(*) AS [Notes] FROM [NoteTopics] AS t WHERE t.[TopicId] = CAST(d.[TargetId] AS int)) AS c WHERE d.[Kind] = N'Topic' AND d.[Engagement] <> c.[Notes]",
    ];

    private sealed class BatchWriter(SocialStoreDbContext db)
    {
        public async Task<int> WriteAsync(IEnumerable<SearchDocument> documents, CancellationToken cancellationToken)
        {
            var written = 0;
            foreach (var batch in documents.Chunk(RowsPerInsert))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandTimeout = 600;
                var sql = new StringBuilder("""INSERT INTO "SearchDocuments" ("Kind", "TargetId", "TitleTerms", "BodyTerms", "Engagement") VALUES """);
                for (var i = 0; i < batch.Length; i++)
                {
                    if (i > 0) sql.Append(',');
                    sql.Append($"(@k{i}, @t{i}, @a{i}, @b{i}, @e{i})");
                    Add(command, $"@k{i}", batch[i].Kind.ToString());
                    Add(command, $"@t{i}", batch[i].TargetId);
                    Add(command, $"@a{i}", batch[i].TitleTerms);
                    Add(command, $"@b{i}", batch[i].BodyTerms);
                    Add(command, $"@e{i}", batch[i].Engagement);
                }
                command.CommandText = sql.ToString();
                written += await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return written;
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
