using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialStore.Domain.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows in step with notes, products, users and topics saved through
/// EF Core, inside the same transaction: if the save has no transaction it opens one before the save
/// and commits it after the index rows are written, so a note is never saved without its index row
/// (or deleted with its row left behind). Counter updates by ExecuteUpdate do not pass through here;
/// they change no text, and engagement in the index is refreshed by <see cref="SearchIndexer.RebuildAsync"/>.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    public static readonly SearchIndexInterceptor Instance = new();

    private sealed class Pending
    {
        public required List<(object Entity, bool Removed)> Changes { get; init; }

        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Collect(context) is { } changes)
        {
            var state = new Pending { Changes = changes };
            if (context.Database.CurrentTransaction is null)
                state.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            pending.AddOrUpdate(context, state);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var state))
        {
            pending.Remove(context);
            try
            {
                await WriteAsync(context, state.Changes, cancellationToken);
                if (state.OwnTransaction is not null) await state.OwnTransaction.CommitAsync(cancellationToken);
            }
            finally
            {
                if (state.OwnTransaction is not null) await state.OwnTransaction.DisposeAsync();
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state)) return;
        pending.Remove(context);
        if (state.OwnTransaction is not null)
        {
            // The failed save's own transaction: roll it back so the caller can retry on a clean slate.
            try { await state.OwnTransaction.RollbackAsync(); } catch (InvalidOperationException) { }
            await state.OwnTransaction.DisposeAsync();
        }
    }

    private static List<(object Entity, bool Removed)>? Collect(DbContext context)
    {
        List<(object, bool)>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (SearchDocuments.KeyOf(entry.Entity) is null) continue;
            (changes ??= []).Add((entry.Entity, entry.State == EntityState.Deleted));
        }
        return changes;
    }

    private static async Task WriteAsync(DbContext context, List<(object Entity, bool Removed)> changes, CancellationToken cancellationToken)
    {
        var documents = context.Set<SearchDocument>();
        foreach (var group in changes.GroupBy(c => SearchDocuments.KeyOf(c.Entity)!.Value.Kind))
        {
            var kind = group.Key;
            var ids = group.Select(c => SearchDocuments.KeyOf(c.Entity)!.Value.TargetId).Distinct().ToList();
            await documents.Where(d => d.Kind == kind && ids.Contains(d.TargetId)).ExecuteDeleteAsync(cancellationToken);
        }
        foreach (var (entity, removed) in changes)
        {
            if (removed || SearchDocuments.For(entity) is not { } document) continue;
            await InsertAsync(context, document, cancellationToken);
        }
    }

    /// <summary>Plain SQL, not SaveChanges: the index row must not start another round of this interceptor.</summary>
    internal static Task<int> InsertAsync(DbContext context, SearchDocument d, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SearchDocuments" ("Kind", "TargetId", "TitleTerms", "BodyTerms", "Engagement") VALUES ({d.Kind.ToString()}, {d.TargetId}, {d.TitleTerms}, {d.BodyTerms}, {d.Engagement})""",
            cancellationToken);
}
