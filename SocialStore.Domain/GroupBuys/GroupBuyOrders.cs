using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

/// <summary>
/// What a group-buy order's moves do to its seat, inside the move's transaction (called from <see cref="OrderHooks"/>):
/// paid → the seat is taken for good, the leader's payment opens the group, and the N-th paid member completes it;
/// cancelled while unpaid → the seat and its campaign unit are freed; cancelled after payment (refunded) → the member
/// leaves the list, a refunded leader hands over to the earliest paid member, and a failed group whose last paid
/// member was refunded becomes Refunded. Every step is a conditional update, so a repeated call changes nothing.
/// Lock order: the member row, then the campaign row, then the group row (a join takes campaign then group), after
/// the order row the move already holds.
/// </summary>
public static class GroupBuyOrders
{
    /// <summary>The outbox message that tells open group pages to refresh; payload <see cref="GroupBuyChanged"/>.</summary>
    public const string ChangedMessage = "groupbuy.changed";

    public static async Task OnMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus from, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to is not (OrderStatus.Paid or OrderStatus.Cancelled or OrderStatus.Shipped)) return;
        var member = await db.GroupBuyMembers.AsNoTracking().FirstOrDefaultAsync(m => m.OrderId == orderId, ct);
        if (member is null) return;
        var group = await db.GroupBuyGroups.AsNoTracking().SingleAsync(g => g.Id == member.GroupId, ct);

        // Goods leave only for a group that succeeded: an open group may still fail and be refunded in full.
        // Throwing rolls the shipping move back with the rest of its transaction.
        if (to == OrderStatus.Shipped)
        {
            if (group.Status != GroupBuyStatus.Succeeded) throw new DomainException(GroupBuyErrors.NotYetSucceeded);
            return;
        }

        if (to == OrderStatus.Paid) await PaidAsync(db, member, group, now, ct);
        else if (member.Status == GroupBuyMemberStatus.Held) await ReleaseAsync(db, member, group, now, ct);
        else if (member.Status == GroupBuyMemberStatus.Paid) await RefundedAsync(db, member, group, now, ct);
    }

    private static async Task PaidAsync(SocialStoreDbContext db, GroupBuyMember member, GroupBuyGroup group, DateTimeOffset now, CancellationToken ct)
    {
        var paid = await db.GroupBuyMembers.Where(m => m.Id == member.Id && m.Status == GroupBuyMemberStatus.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, GroupBuyMemberStatus.Paid).SetProperty(m => m.PaidAt, now), ct);
        if (paid == 0) return;

        if (group.Status == GroupBuyStatus.Pending && member.UserId == group.LeaderId)
        {
            var limit = await db.GroupBuyCampaigns.Where(c => c.Id == group.CampaignId).Select(c => c.TimeLimitMinutes).SingleAsync(ct);
            await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(g => g.Status, GroupBuyStatus.Open)
                .SetProperty(g => g.PaidCount, 1)
                .SetProperty(g => g.OpenedAt, now)
                .SetProperty(g => g.Deadline, now.AddMinutes(limit)), ct);
        }
        else
        {
            // Only before the deadline: a payment that lands later never completes the group.
            var counted = await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Open && g.Deadline > now && g.PaidCount < g.Size)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.PaidCount, g => g.PaidCount + 1), ct);
            if (counted == 0)
            {
                // Still open past its deadline: the expiry (which has not run yet) fails it and refunds this paid member
                // with the others. Otherwise the seat is no longer there (failed, abandoned): the money goes back now.
                var status = await db.GroupBuyGroups.Where(g => g.Id == group.Id).Select(g => g.Status).SingleAsync(ct);
                if (status != GroupBuyStatus.Open)
                {
                    Outbox.Enqueue(db, GroupBuyRefundHandler.MessageType, new GroupBuyRefund(member.OrderId, group.Id), now);
                    await db.SaveChangesAsync(ct);
                }
                return;
            }
            // The N-th real paid member completes the group, in this payment's transaction.
            await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Open && g.PaidCount >= g.Size)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupBuyStatus.Succeeded).SetProperty(g => g.ClosedAt, now), ct);
        }
        Changed(db, group.Id, now);
        await db.SaveChangesAsync(ct);
    }

    private static async Task ReleaseAsync(SocialStoreDbContext db, GroupBuyMember member, GroupBuyGroup group, DateTimeOffset now, CancellationToken ct)
    {
        var removed = await db.GroupBuyMembers.Where(m => m.Id == member.Id && m.Status == GroupBuyMemberStatus.Held).ExecuteDeleteAsync(ct);
        if (removed == 0) return;
        await db.GroupBuyCampaigns.Where(c => c.Id == group.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stock, c => c.Stock + 1), ct);
        await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(g => g.Taken, g => g.Taken - 1), ct);
        // The leader never paid: the group never opened.
        await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Pending && g.LeaderId == member.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupBuyStatus.Abandoned).SetProperty(g => g.ClosedAt, now), ct);
        Changed(db, group.Id, now);
        await db.SaveChangesAsync(ct);
    }

    private static async Task RefundedAsync(SocialStoreDbContext db, GroupBuyMember member, GroupBuyGroup group, DateTimeOffset now, CancellationToken ct)
    {
        var refunded = await db.GroupBuyMembers.Where(m => m.Id == member.Id && m.Status == GroupBuyMemberStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, GroupBuyMemberStatus.Refunded).SetProperty(m => m.RefundedAt, now), ct);
        if (refunded == 0) return;
        await db.GroupBuyCampaigns.Where(c => c.Id == group.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stock, c => c.Stock + 1), ct);

        // Before success the seat opens again; a refunded leader hands over to the earliest paid member (the deadline stays).
        var open = await db.GroupBuyGroups.Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Open && g.PaidCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.PaidCount, g => g.PaidCount - 1).SetProperty(g => g.Taken, g => g.Taken - 1), ct);
        if (open == 1 && member.UserId == group.LeaderId)
        {
            var heir = await db.GroupBuyMembers.Where(m => m.GroupId == group.Id && m.Status == GroupBuyMemberStatus.Paid)
                .OrderBy(m => m.PaidAt).ThenBy(m => m.Id).Select(m => m.UserId).FirstOrDefaultAsync(ct);
            if (heir is not null)
                await db.GroupBuyGroups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.LeaderId, heir), ct);
        }
        await db.GroupBuyGroups
            .Where(g => g.Id == group.Id && g.Status == GroupBuyStatus.Failed
                && !db.GroupBuyMembers.Any(m => m.GroupId == group.Id && m.Status == GroupBuyMemberStatus.Paid))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupBuyStatus.Refunded), ct);
        Changed(db, group.Id, now);
        await db.SaveChangesAsync(ct);
    }

    internal static void Changed(SocialStoreDbContext db, long groupId, DateTimeOffset now) =>
        Outbox.Enqueue(db, ChangedMessage, new GroupBuyChanged(groupId), now);
}

public sealed record GroupBuyChanged(long GroupId);
