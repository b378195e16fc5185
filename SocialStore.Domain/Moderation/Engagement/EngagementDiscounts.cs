using SocialStore.Domain.Data;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>
/// Engagement that a confirmed finding discounts from ranking (ADR-047): a like or collect by a member of a
/// confirmed ring on a note whose author is in the same ring, or by a member of a confirmed burst on the
/// burst's note. The rows stay (visible counters count them); only the hot score leaves them out.
/// </summary>
public static class EngagementDiscounts
{
    public static IQueryable<NoteLike> Likes(SocialStoreDbContext db) =>
        from l in db.NoteLikes
        join n in db.Notes on l.NoteId equals n.Id
        where db.Set<EngagementFindingMember>().Any(m => m.UserId == l.UserId
            && db.Set<EngagementFinding>().Any(f => f.Id == m.FindingId && f.Status == FindingStatus.Confirmed
                && ((f.Kind == FindingKind.Ring && db.Set<EngagementFindingMember>().Any(a => a.FindingId == f.Id && a.UserId == n.AuthorId))
                    || (f.Kind == FindingKind.Burst && f.NoteId == l.NoteId))))
        select l;

    public static IQueryable<Collect> Collects(SocialStoreDbContext db) =>
        from c in db.Collects
        join n in db.Notes on c.NoteId equals n.Id
        where db.Set<EngagementFindingMember>().Any(m => m.UserId == c.UserId
            && db.Set<EngagementFinding>().Any(f => f.Id == m.FindingId && f.Status == FindingStatus.Confirmed
                && ((f.Kind == FindingKind.Ring && db.Set<EngagementFindingMember>().Any(a => a.FindingId == f.Id && a.UserId == n.AuthorId))
                    || (f.Kind == FindingKind.Burst && f.NoteId == c.NoteId))))
        select c;
}
