using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Referrals;

/// <summary>
/// The published notes whose author is a creator (<see cref="CreatorRule"/>) and that tag at least one product — the notes that carry
/// the 广告/合作 disclosure (ADR-042). Cached (one query a minute at most, and after every creator change on this
/// node), so note cards and the note page show the label without a query per card.
/// </summary>
public sealed class CreatorDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, IMemoryCache cache)
{
    private const string Key = "referrals:disclosed-notes";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlySet<long>> DisclosedNotesAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out IReadOnlySet<long>? set) && set is not null) return set;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var threshold = await CreatorRule.ThresholdAsync(db, cancellationToken);
        var ids = await db.Notes.AsNoTracking()
            .Where(n => n.Status == NoteStatus.Published
                && CreatorRule.CreatorIds(db, threshold).Contains(n.AuthorId)
                && db.NoteProducts.Any(p => p.NoteId == n.Id))
            .Select(n => n.Id).ToListAsync(cancellationToken);
        set = ids.ToHashSet();
        cache.Set(Key, set, Lifetime);
        return set;
    }

    public void Invalidate() => cache.Remove(Key);
}
