using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Moderation.Screening;

/// <summary>What is being published, for the rules that depend on it.</summary>
/// <param name="Commercial">Product text or a note that tags a product: the advertising-law terms apply.</param>
/// <param name="IsNote">A note: the new-account rule (links, many @mentions) applies.</param>
public sealed record ScreenContext(bool Commercial = false, bool IsNote = false, int Mentions = 0);

/// <summary>
/// The verdict on a text about to be published: the texts to store (terms to replace already masked), and
/// whether it goes out as is, flagged (published, a reviewable opened) or held (saved hidden, a reviewable opened).
/// </summary>
public sealed record ScreenVerdict(IReadOnlyList<string> Texts, ScreenAction Action, ScreenReason Reason, IReadOnlyList<string> Terms)
{
    public bool NeedsReview => Action is ScreenAction.Flag or ScreenAction.Hold;
}

/// <summary>
/// Screening at publish time, the one place it happens (ADR-044). Every service that publishes text calls
/// <see cref="CheckAsync"/> inside its transaction before saving (a blocked text throws
/// <see cref="ScreeningErrors.Blocked"/> and nothing is saved; replaced terms come back masked), and
/// <see cref="RecordAsync"/> after saving with the new row's key (a held text is hidden and a reviewable
/// opened; a flagged one only gets the reviewable). The word list is cached as one <see cref="WordListIndex"/>,
/// rebuilt after every change (<see cref="Invalidate"/>).
/// </summary>
public sealed partial class ContentScreen(IDbContextFactory<SocialStoreDbContext> dbFactory, IOptions<ScreeningOptions> options)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile WordListIndex? _index;
    private int _version;

    /// <summary>Drops the cached index; the next screening rebuilds it from the table.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _index = null;
    }

    public async Task<WordListIndex> IndexAsync(CancellationToken cancellationToken)
    {
        if (_index is { } index) return index;
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } built) return built;
            var version = Volatile.Read(ref _version);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var words = await db.Set<ScreeningWord>().AsNoTracking().OrderBy(w => w.Id)
                .Select(w => new ScreenTerm(w.Term, w.Action, w.CommercialOnly)).ToListAsync(cancellationToken);
            var terms = words
                .Concat(AdvertisingLawTerms.All.Select(t => new ScreenTerm(t, ScreenAction.Hold, CommercialOnly: true)))
                .Concat(AdvertisingLawTerms.Allowed.Select(t => new ScreenTerm(t, ScreenAction.Allow)));
            var fresh = new WordListIndex(terms);
            // A change during the build: this index may be stale, use it once but do not keep it.
            if (Volatile.Read(ref _version) == version) _index = fresh;
            return fresh;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Screens the texts of one publication (e.g. a note's title and body). Throws <see cref="ScreeningErrors.Blocked"/>
    /// for a blocked term; otherwise the texts to store and what happens next. The new-account rule needs
    /// <paramref name="db"/> (the author's age and history).
    /// </summary>
    public async Task<ScreenVerdict> CheckAsync(SocialStoreDbContext db, string authorId, ScreenContext context, IReadOnlyList<string> texts, DateTimeOffset now, CancellationToken ct)
    {
        var index = await IndexAsync(ct);
        var hits = new List<ScreenHit>[texts.Count];
        for (var i = 0; i < texts.Count; i++) hits[i] = [.. index.Find(texts[i], context.Commercial)];
        var all = hits.SelectMany(h => h).ToList();
        if (all.Any(h => h.Term.Action == ScreenAction.Block)) throw new DomainException(ScreeningErrors.Blocked);

        var stored = texts.Select((t, i) => WordListIndex.Mask(t, hits[i].Where(h => h.Term.Action == ScreenAction.Replace))).ToList();
        var action = ScreenAction.Allow;
        var reason = ScreenReason.WordList;
        var review = all.Where(h => h.Term.Action is ScreenAction.Hold or ScreenAction.Flag).ToList();
        if (review.Count > 0)
        {
            action = review.Max(h => h.Term.Action);
            reason = review.Where(h => h.Term.Action == action).All(h => h.Term.CommercialOnly) ? ScreenReason.AdvertisingLaw : ScreenReason.WordList;
        }
        var terms = review.Select(h => h.Found).Distinct().ToList();

        if (action != ScreenAction.Hold && context.IsNote)
        {
            var links = texts.SelectMany(t => LinkPattern().Matches(t).Select(m => m.Value)).Distinct().ToList();
            var settings = options.Value;
            if ((links.Count > 0 || context.Mentions > settings.NewAccountMaxMentions) && await IsNewAccountAsync(db, authorId, now, settings, ct))
            {
                action = ScreenAction.Hold;
                reason = ScreenReason.NewAccount;
                terms = links.Count > 0 ? links : [string.Create(CultureInfo.InvariantCulture, $"@ × {context.Mentions}")];
            }
        }
        return new ScreenVerdict(stored, action, reason, terms);
    }

    /// <summary>
    /// After the publication is saved: a held target is hidden and both held and flagged ones get an automatic
    /// flag on their reviewable (opened, or reopened after a decision), with the terms for the moderator.
    /// </summary>
    public async Task RecordAsync(SocialStoreDbContext db, ScreenVerdict verdict, ReportTargetType type, string key, string authorId, DateTimeOffset now, CancellationToken ct)
    {
        if (!verdict.NeedsReview) return;
        // A user (display name, bio) cannot be hidden: held is reviewed like flagged.
        var hold = verdict.Action == ScreenAction.Hold && ModerationTargets.CanHide(type);
        if (hold) await ModerationTargets.HideAsync(db, type, key, ct);
        await RaiseFlagAsync(db, type, key, authorId, verdict.Action, verdict.Reason, verdict.Terms, options.Value.FlagWeight, hold, now, ct);
    }

    /// <summary>
    /// An automatic flag (screening, device signals): the target's reviewable is opened, or reopened after a
    /// decision, gets <paramref name="weight"/> added to its score and a <see cref="ScreeningFlag"/> row with
    /// the evidence for the moderator. <paramref name="hold"/> marks it automatically hidden (the caller hid it).
    /// </summary>
    internal static async Task<long> RaiseFlagAsync(
        SocialStoreDbContext db, ReportTargetType type, string key, string authorId, ScreenAction action, ScreenReason reason,
        IReadOnlyList<string> evidence, double weight, bool hold, DateTimeOffset now, CancellationToken ct)
    {
        var set = db.Set<Reviewable>();
        var reviewable = await set.AsNoTracking().FirstOrDefaultAsync(r => r.TargetType == type && r.TargetKey == key, ct);
        if (reviewable is null)
        {
            reviewable = new Reviewable
            {
                TargetType = type,
                TargetKey = key,
                TargetAuthorId = authorId,
                State = ReviewableState.Pending,
                Round = 1,
                LatestReason = ReportReason.Other,
                CreatedAt = now,
                QueuedAt = now,
            };
            if (!await UniqueInsert.TryInsertAsync(db, reviewable, ct))
                reviewable = await set.AsNoTracking().SingleAsync(r => r.TargetType == type && r.TargetKey == key, ct);
            else db.Entry(reviewable).State = EntityState.Detached;
        }
        else if (reviewable.State == ReviewableState.Decided)
        {
            await set.Where(r => r.Id == reviewable.Id && r.State == ReviewableState.Decided && r.Round == reviewable.Round).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReviewableState.Pending)
                .SetProperty(r => r.Round, r => r.Round + 1)
                .SetProperty(r => r.Score, 0.0)
                .SetProperty(r => r.ReportCount, 0)
                .SetProperty(r => r.AutoHidden, false)
                .SetProperty(r => r.QueuedAt, now), ct);
            reviewable = await set.AsNoTracking().SingleAsync(r => r.Id == reviewable.Id, ct);
        }
        // A held target is "automatically hidden": a moderator's approve brings it back.
        await set.Where(r => r.Id == reviewable.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Score, r => r.Score + weight)
            .SetProperty(r => r.AutoHidden, r => r.AutoHidden || hold), ct);
        var terms = string.Join('\n', evidence);
        if (terms.Length > ScreeningFlag.TermsMaxLength) terms = terms[..ScreeningFlag.TermsMaxLength];
        db.Add(new ScreeningFlag
        {
            ReviewableId = reviewable.Id,
            Round = reviewable.Round,
            Action = action,
            Reason = reason,
            Terms = terms,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return reviewable.Id;
    }

    /// <summary>The automatic flags on a reviewable, newest first, for the moderator's view (staff only).</summary>
    public async Task<IReadOnlyList<ScreeningFlag>> FlagsAsync(System.Security.Claims.ClaimsPrincipal actor, long reviewableId, CancellationToken cancellationToken)
    {
        ModerationService.RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ScreeningFlag>().AsNoTracking().Where(f => f.ReviewableId == reviewableId)
            .OrderByDescending(f => f.Id).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>Younger than the configured days, or nothing published before (no note that is not a draft).</summary>
    private static async Task<bool> IsNewAccountAsync(SocialStoreDbContext db, string authorId, DateTimeOffset now, ScreeningOptions settings, CancellationToken ct)
    {
        var createdAt = await db.Users.Where(u => u.Id == authorId).Select(u => u.CreatedAt).SingleAsync(ct);
        if (now - createdAt < TimeSpan.FromDays(settings.NewAccountDays)) return true;
        return !await db.Notes.AnyAsync(n => n.AuthorId == authorId && n.Status == NoteStatus.Published, ct);
    }

    /// <summary>An external link: a scheme, "www." or a bare domain with a common top-level domain.</summary>
    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|cn|net|org|io|cc|top|xyz|me|co)\b(?:/\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
