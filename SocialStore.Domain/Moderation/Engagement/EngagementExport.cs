using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>The engagement part of "download my data": the findings the person is a member of, and the ones they decided as a moderator.</summary>
public static class EngagementExport
{
    public static async Task WriteAsync(SocialStoreDbContext db, string userId, Func<string, IQueryable<object>, Task> write)
    {
        await write("engagement-findings-about-me.json", db.Set<EngagementFinding>().AsNoTracking()
            .Where(f => db.Set<EngagementFindingMember>().Any(m => m.FindingId == f.Id && m.UserId == userId))
            .Select(f => (object)new { f.Id, f.Kind, f.Status, f.NoteId, f.DetectedAt, f.DecidedAt }));
        await write("engagement-findings-decided.json", db.Set<EngagementFinding>().AsNoTracking().Where(f => f.DecidedById == userId)
            .Select(f => (object)new { f.Id, f.Kind, f.Status, f.DecidedAt, f.DecisionNote }));
    }
}
