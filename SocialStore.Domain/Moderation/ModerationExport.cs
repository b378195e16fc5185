using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Moderation;

/// <summary>The moderation part of "download my data": the person's reports, what was decided about their content (without who reported it), their sanction, and the decisions they made as a moderator.</summary>
public static class ModerationExport
{
    public static async Task WriteAsync(SocialStoreDbContext db, string userId, Func<string, IQueryable<object>, Task> write)
    {
        await write("moderation-reports.json", db.Set<Report>().AsNoTracking().Where(r => r.ReporterId == userId)
            .Select(r => (object)new { r.Id, r.ReviewableId, r.Reason, r.Text, r.CreatedAt, r.Upheld }));
        await write("moderation-about-me.json", db.Set<Reviewable>().AsNoTracking().Where(r => r.TargetAuthorId == userId)
            .Select(r => (object)new
            {
                r.TargetType,
                r.TargetKey,
                r.State,
                Decisions = db.Set<ModerationDecision>().Where(d => d.ReviewableId == r.Id)
                    .Select(d => new { d.Action, d.Reason, d.MuteDays, d.DecidedAt, d.AppealedAt, d.AppealText }).ToList(),
            }));
        await write("moderation-sanction.json", db.Set<UserSanction>().AsNoTracking().Where(s => s.UserId == userId).Select(s => (object)s));
        await write("moderation-ban-hidden.json", db.Set<BanHiddenItem>().AsNoTracking().Where(b => b.UserId == userId)
            .Select(b => (object)new { b.TargetType, b.TargetId, b.HiddenAt }));
        await write("moderation-devices.json", db.Set<Devices.DeviceSighting>().AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => (object)new { d.DeviceKey, d.FirstSeenAt, d.LastSeenAt }));
        await write("moderation-decisions-made.json", db.Set<ModerationDecision>().AsNoTracking().Where(d => d.ModeratorId == userId)
            .Select(d => (object)new { d.Id, d.ReviewableId, d.Action, d.Reason, d.DecidedAt }));
        await write("moderation-words-added.json", db.Set<Screening.ScreeningWord>().AsNoTracking().Where(w => w.CreatedById == userId)
            .Select(w => (object)new { w.Id, w.Term, w.Action, w.CommercialOnly, w.CreatedAt }));
    }
}
