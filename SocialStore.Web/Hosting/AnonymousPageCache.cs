using System.Data.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace SocialStore.Web.Hosting;

/// <summary>
/// Output cache for what signed-out visitors read (feed, notes, topics, profiles, shop, products):
/// the same HTML for everyone who shares a language, so it is rendered once and served many
/// times (ADR-034 §6). Signed-in requests, other paths, non-200 answers and answers that set a
/// cookie are never cached. Any write to the database evicts the lot (<see cref="ContentChangeEvictor"/>),
/// so counts and new notes show at once; <see cref="Duration"/> only bounds memory.
/// </summary>
public sealed class AnonymousPageCache : IOutputCachePolicy
{
    public const string Tag = "content";
    public const string PolicyName = "anonymous-pages";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    private static readonly string[] Prefixes = ["/notes/", "/topics/", "/u/", "/products/"];
    private static readonly string[] Exact = ["/", "/shop", "/search"];

    public static bool IsCacheable(HttpRequest request) =>
        !request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal))
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && IsCacheablePath(request.Path);

    /// <summary>
    /// Blazor issues an anti-forgery cookie with every page. A cacheable page holds no form for a
    /// signed-out visitor, so that cookie is dropped before the headers go out, rather than shared
    /// through the cache; any other cookie still makes the answer uncacheable.
    /// </summary>
    public static Task DropAntiforgeryCookieAsync(HttpContext context, Func<Task> next)
    {
        if (IsCacheable(context.Request))
        {
            context.Response.OnStarting(() =>
            {
                var cookies = context.Response.Headers.SetCookie;
                if (cookies.Count > 0)
                    context.Response.Headers.SetCookie = cookies.Where(c => c is not null && !c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToArray();
                if (context.Response.Headers.SetCookie.Count == 0) context.Response.Headers.Remove(HeaderNames.SetCookie);
                return Task.CompletedTask;
            });
        }
        return next();
    }

    public static bool IsCacheablePath(PathString path)
    {
        var value = path.Value ?? "/";
        return Exact.Contains(value, StringComparer.OrdinalIgnoreCase)
               || Prefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase) && !value.EndsWith("/edit", StringComparison.OrdinalIgnoreCase));
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsCacheable(context.HttpContext.Request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Duration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        // One copy per language: the culture comes from the cookie or Accept-Language.
        var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "";
        context.CacheVaryByRules.VaryByValues["culture"] = culture;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Evicts the anonymous page cache after any command that writes (SaveChanges or ExecuteUpdate/Delete),
/// unless every table it writes holds only private data that no signed-out page shows — carts,
/// addresses, orders, payments, refunds, the outbox, notifications. A busy shop writes those all the
/// time; letting them empty the cache would make it useless. Stock and sales counts live on
/// <c>Skus</c>/<c>Products</c>, so taking or returning stock still evicts (the product page shows it).
/// A write inside a transaction evicts again when the transaction commits: a page rendered between the
/// write and the commit read the old rows and would otherwise stay cached with them (ADR-058).
/// </summary>
public sealed partial class ContentChangeEvictor(IServiceProvider services) : DbCommandInterceptor, IDbTransactionInterceptor
{
    // The open transactions that wrote public data; an entry goes with its transaction.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, object> dirty = new();

    private static readonly HashSet<string> PrivateTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "CartItems", "Addresses", "Orders", "OrderLines", "OrderAdjustments", "OrderLineAdjustments", "OrderEvents",
        "Payments", "PaymentCallbacks", "PaymentIncidents", "RefundRequests", "Outbox", "Notifications",
        // Bookkeeping no page shows: rate-limit counters (ADR-064), files to delete, the dashboard's roll-ups (ADR-061).
        "ActionCounters", "PendingFileDeletions", "DashboardRollupDays", "DashboardOrderDays", "DashboardUserDays", "DashboardFirstSeen",
        // Behaviour events and each person's precomputed candidates (ADR-045, ADR-053): no anonymous page reads them, and the
        // event writer flushes every few seconds — counted as public, every flush emptied the cache.
        "BehaviourEvents", "PersonalCandidates", "PersonalCandidateSets", "PersonalInterests",
    };

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0 && TouchesPublicData(command)) Evict(command);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && TouchesPublicData(command)) await EvictAsync(command);
        return result;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (MayWrite(command.CommandText) && TouchesPublicData(command)) Evict(command);
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (MayWrite(command.CommandText) && TouchesPublicData(command)) await EvictAsync(command);
        return result;
    }

    /// <summary>
    /// True when the command writes (SaveChanges sends INSERT … RETURNING as a reader; SQL Server batches
    /// inserts as MERGE) to at least one table that is not private. A target that is not a plain table
    /// name (an alias) counts as public, so the cache errs on the side of fresh pages.
    /// </summary>
    public static bool TouchesPublicData(DbCommand command) => TouchesPublicData(command.CommandText);

    public static bool TouchesPublicData(string sql)
    {
        foreach (System.Text.RegularExpressions.Match match in WriteTarget().Matches(sql))
            if (!PrivateTables.Contains(match.Groups["table"].Value)) return true;
        return false;
    }

    // Every read comes through the reader hooks: only a command that can be a write (SaveChanges sends
    // INSERT … RETURNING as a reader) pays for the table scan of TouchesPublicData.
    private static bool MayWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("MERGE", StringComparison.OrdinalIgnoreCase)
               || text.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase);
    }

    // INSERT INTO "T" / UPDATE "T" / DELETE FROM "T" / MERGE [T], quoted or bracketed (an alias such as
    // SQL Server's "UPDATE d SET … FROM [T] AS d" is not a private table name, so it counts as public).
    [System.Text.RegularExpressions.GeneratedRegex("""\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE(?:\s+INTO)?)\s+[\["]?(?<table>\w+)""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WriteTarget();

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (dirty.Remove(transaction)) Evict();
    }

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        if (dirty.Remove(transaction)) await EvictAsync();
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => dirty.Remove(transaction);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        dirty.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Evicts now and, for a write inside a transaction, once more when it commits.</summary>
    private void Evict(DbCommand command)
    {
        if (command.Transaction is { } transaction) dirty.AddOrUpdate(transaction, this);
        Evict();
    }

    private ValueTask EvictAsync(DbCommand command)
    {
        if (command.Transaction is { } transaction) dirty.AddOrUpdate(transaction, this);
        return EvictAsync();
    }

    private void Evict()
    {
        // Fire and forget from the synchronous hooks: the in-memory store evicts synchronously anyway.
        _ = EvictAsync().AsTask();
    }

    /// <summary>
    /// The async hooks wait for it, so with the Redis store (ADR-052) the page is gone on every node before the
    /// write's caller goes on. A store that fails (Redis down) must not fail the write: the entry then lives
    /// at most <see cref="AnonymousPageCache.Duration"/>.
    /// </summary>
    private async ValueTask EvictAsync()
    {
        if (services.GetService<IOutputCacheStore>() is not { } store) return;
        try
        {
            await store.EvictByTagAsync(AnonymousPageCache.Tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            services.GetService<ILogger<ContentChangeEvictor>>()?.LogWarning(ex, "Could not evict the anonymous page cache");
        }
    }
}
