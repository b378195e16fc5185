using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Profiles;

/// <summary>
/// "Download my data" (PIPL Art. 45, ADR-033): a zip with one JSON file per area, each written by one
/// streamed query, plus the stored originals of the user's note images. Never the password hash,
/// security stamp or other users' private data.
/// </summary>
public sealed class PersonalDataExporter(IDbContextFactory<SocialStoreDbContext> dbFactory, IMediaStore media)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Readable Chinese text for the user; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Every entity type that refers to a user (by foreign key or by a user id held by convention) and
    /// whose rows for the user are in the export; a test fails when the model gains one not listed here.
    /// </summary>
    public static IReadOnlySet<Type> ExportedEntityTypes { get; } = new HashSet<Type>
    {
        typeof(ApplicationUser), typeof(Note), typeof(NoteImage), typeof(Comment), typeof(CommentLike),
        typeof(NoteLike), typeof(Collect), typeof(Board), typeof(Follow), typeof(Order), typeof(OrderLine),
        typeof(OrderAdjustment), typeof(OrderLineAdjustment), typeof(OrderEvent), typeof(Address),
        typeof(Review), typeof(ReviewImage), typeof(ReviewRevision), typeof(ReviewVote), typeof(PurchaseRecord),
        typeof(ProductQuestion), typeof(ProductAnswer), typeof(ShareLink), typeof(ShareVisit),
        typeof(Notification), typeof(RefundRequest), typeof(CartItem), typeof(AuditEntry), typeof(CatalogAuditEntry),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserRole<string>), // in profile.json (provider names, roles)
        typeof(SocialStore.Domain.Moderation.Report), typeof(SocialStore.Domain.Moderation.Reviewable),
        typeof(SocialStore.Domain.Moderation.ModerationDecision), typeof(SocialStore.Domain.Moderation.UserSanction), typeof(SocialStore.Domain.Moderation.BanHiddenItem), typeof(SocialStore.Domain.Moderation.Devices.DeviceSighting),
        typeof(SocialStore.Domain.Coupons.Coupon),
        typeof(SocialStore.Domain.Moderation.Screening.ScreeningWord),
        typeof(SocialStore.Domain.GroupBuys.GroupBuyMember),
        typeof(SocialStore.Domain.FlashSales.FlashSaleQuota), typeof(SocialStore.Domain.FlashSales.FlashSaleReservation),
        typeof(SocialStore.Domain.Bargains.Bargain), typeof(SocialStore.Domain.Bargains.BargainCut),
        typeof(SocialStore.Domain.Points.PointsEntry), typeof(SocialStore.Domain.Points.PointsAccount), typeof(SocialStore.Domain.Points.PointsCheckIn),
        typeof(SocialStore.Domain.Levels.GrowthEntry),
        typeof(SocialStore.Domain.Referrals.AttributionTouch), typeof(SocialStore.Domain.Referrals.OrderLineAttribution),
        typeof(SocialStore.Domain.Referrals.Creator), typeof(SocialStore.Domain.Referrals.CommissionEntry),
        typeof(SocialStore.Domain.Referrals.PayoutRequest),
        typeof(SocialStore.Domain.Referrals.Invites.InviteCode), typeof(SocialStore.Domain.Referrals.Invites.InviteBinding),
        typeof(SocialStore.Domain.Referrals.Invites.InviteVisit), typeof(SocialStore.Domain.Referrals.Invites.InviteReward),
        typeof(SocialStore.Domain.Recommendations.BehaviourEvent), typeof(SocialStore.Domain.Recommendations.RecommendationFeedback),
        typeof(SocialStore.Domain.Recommendations.PersonalisationSetting),
        typeof(SocialStore.Domain.Recommendations.PersonalCandidate), typeof(SocialStore.Domain.Recommendations.PersonalInterest),
        typeof(SocialStore.Domain.Recommendations.PersonalCandidateSet),
        typeof(SocialStore.Domain.RedPackets.RedPacket), typeof(SocialStore.Domain.RedPackets.RedPacketSlot),
        typeof(SocialStore.Domain.Rewards.RewardGrant),
        typeof(SocialStore.Domain.Moderation.Engagement.EngagementFinding), typeof(SocialStore.Domain.Moderation.Engagement.EngagementFindingMember),
        typeof(SocialStore.Domain.PersonalData.Consent), typeof(SocialStore.Domain.PersonalData.AccountDeletion),
    };

    /// <summary>
    /// Entity types that refer to a user but are deliberately not exported (ADR-033): secrets and
    /// sign-in plumbing (authenticator keys, recovery codes, passkey credentials, claims).
    /// </summary>
    public static IReadOnlySet<Type> LeftOutEntityTypes { get; } = new HashSet<Type>
    {
        typeof(IdentityUserToken<string>), typeof(IdentityUserClaim<string>), typeof(IdentityUserPasskey<string>),
        // Upload bookkeeping of the last day (ADR-051); the images themselves are in notes.json and media/.
        typeof(SocialStore.Domain.Media.MediaUpload),
        // Dashboard roll-ups (ADR-061): which days a person was counted in the shop's aggregate figures, no content of theirs.
        typeof(SocialStore.Domain.Dashboards.Rollups.DashboardUserDay), typeof(SocialStore.Domain.Dashboards.Rollups.DashboardFirstSeen),
    };

    /// <summary>Writes the user's export as a zip to <paramref name="output"/> (left open).</summary>
    public async Task WriteZipAsync(string userId, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        async Task WriteAsync<T>(string name, IQueryable<T> rows)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
            await using var stream = entry.Open();
            await JsonSerializer.SerializeAsync(stream, rows.AsAsyncEnumerable(), Json, cancellationToken);
        }

        await WriteAsync("profile.json", db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            u.Id,
            u.UserName,
            u.Email,
            u.EmailConfirmed,
            u.PhoneNumber,
            u.PhoneNumberConfirmed,
            u.TwoFactorEnabled,
            u.Handle,
            u.DisplayName,
            u.AvatarKey,
            u.Bio,
            u.CreatedAt,
            u.FollowerCount,
            u.FollowingCount,
            u.LikesArePublic,
            Logins = db.UserLogins.Where(l => l.UserId == u.Id).Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToList(),
            Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
        }));
        await WriteAsync("notes.json", db.Notes.AsNoTracking().Where(n => n.AuthorId == userId).OrderBy(n => n.Id)
            .Select(n => new { Note = n, Images = db.NoteImages.Where(i => i.NoteId == n.Id).OrderBy(i => i.Position).ToList() }));
        await WriteAsync("comments.json", db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id));
        await WriteAsync("comment-likes.json", db.CommentLikes.AsNoTracking().Where(l => l.UserId == userId));
        await WriteAsync("likes.json", db.NoteLikes.AsNoTracking().Where(l => l.UserId == userId));
        await WriteAsync("collects.json", db.Collects.AsNoTracking().Where(c => c.UserId == userId));
        await WriteAsync("boards.json", db.Boards.AsNoTracking().Where(b => b.OwnerId == userId).OrderBy(b => b.Id));
        await WriteAsync("follows.json", db.Follows.AsNoTracking().Where(f => f.FollowerId == userId || f.FolloweeId == userId)
            .Select(f => new
            {
                Direction = f.FollowerId == userId ? "following" : "follower",
                Handle = db.Users.Where(u => u.Id == (f.FollowerId == userId ? f.FolloweeId : f.FollowerId)).Select(u => u.Handle).FirstOrDefault(),
            }));
        await WriteAsync("orders.json", db.Orders.AsNoTracking().Where(o => o.BuyerId == userId).OrderBy(o => o.Id).Select(o => new
        {
            Order = o,
            Lines = db.OrderLines.Where(l => l.OrderId == o.Id).ToList(),
            Adjustments = db.OrderAdjustments.Where(a => a.OrderId == o.Id).ToList(),
            Events = db.OrderEvents.Where(e => e.OrderId == o.Id).ToList(),
        }));
        await WriteAsync("order-line-adjustments.json", db.OrderLineAdjustments.AsNoTracking()
            .Where(a => db.OrderLines.Any(l => l.Id == a.OrderLineId && db.Orders.Any(o => o.Id == l.OrderId && o.BuyerId == userId))));
        await WriteAsync("addresses.json", db.Addresses.AsNoTracking().Where(a => a.UserId == userId));
        await WriteAsync("coupons.json", db.Coupons.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Campaign = c.Template!.Name, c.Source, c.State, c.ClaimedAt, c.ValidFrom, c.ValidUntil, c.OrderId, c.Discount }));
        await WriteAsync("group-buys.json", db.GroupBuyMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { m.GroupId, m.OrderId, m.Status, m.JoinedAt, m.PaidAt, m.RefundedAt }));
        await WriteAsync("flash-sales.json", db.Set<SocialStore.Domain.FlashSales.FlashSaleReservation>().AsNoTracking().Where(r => r.UserId == userId)
            .OrderBy(r => r.OrderId)
            .Select(r => new { r.OrderId, r.ItemId, r.Quantity, r.CreatedAt, r.ReturnedAt }));
        await WriteAsync("flash-sale-limits.json", db.Set<SocialStore.Domain.FlashSales.FlashSaleQuota>().AsNoTracking().Where(q => q.UserId == userId)
            .Select(q => new { q.ItemId, q.Count }));
        await WriteAsync("bargains.json", db.Bargains.AsNoTracking().Where(b => b.OwnerId == userId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.CampaignId, b.Status, b.StartPrice, b.FloorPrice, b.TotalCut, b.HelpersNeeded, b.HelperCount, b.CreatedAt, b.ExpiresAt, b.OrderId }));
        await WriteAsync("bargain-cuts.json", db.BargainCuts.AsNoTracking().Where(c => c.HelperId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.BargainId, c.Amount, c.CreatedAt }));
        await WriteAsync("red-packets-created.json", db.RedPackets.AsNoTracking().Where(p => p.CreatedBy == userId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Slots, p.Total, p.CreatedAt, p.ExpiresAt, p.ReturnedAmount }));
        await WriteAsync("red-packet-slots.json", db.RedPacketSlots.AsNoTracking().Where(s => s.ClaimedBy == userId).OrderBy(s => s.ClaimedAt)
            .Select(s => new { s.PacketId, s.Seq, s.Amount, s.ClaimedAt, s.CouponId }));
        await WriteAsync("reward-grants.json", db.RewardGrants.AsNoTracking().Where(g => g.BeneficiaryId == userId || g.NewUserId == userId).OrderBy(g => g.Id)
            .Select(g => new { Mine = g.BeneficiaryId == userId ? "received" : "brought", g.Trigger, g.Kind, g.CouponId, g.Points, g.OrderId, g.State, g.CreatedAt, g.SettledAt }));
        await WriteAsync("points.json", db.PointsEntries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Amount, e.Kind, e.OrderId, e.CreatedAt, e.ExpiresAt, Balance = db.PointsAccounts.Where(a => a.UserId == userId).Select(a => a.Balance).FirstOrDefault() }));
        await WriteAsync("growth.json", db.GrowthEntries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id).Select(e => new { e.Id, e.Amount, e.Kind, e.OrderId, e.CreatedAt }));
        await WriteAsync("check-ins.json", db.PointsCheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Day).Select(c => new { c.Day, c.Streak, c.Points, c.At }));
        await WriteAsync("creator.json", db.Creators.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Enabled, c.ChangedAt }));
        await WriteAsync("attribution-touches.json", db.AttributionTouches.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new { t.NoteId, t.ProductId, t.ShareLinkId, t.EarnerId, t.FirstTouchedAt, t.TouchedAt }));
        await WriteAsync("attributed-sales.json", db.OrderLineAttributions.AsNoTracking().Where(a => a.EarnerId == userId || a.BuyerId == userId)
            .OrderBy(a => a.OrderLineId).Select(a => new { a.OrderLineId, a.OrderId, Mine = a.BuyerId == userId ? "bought" : "earned", a.NoteId, a.ShareLinkId, a.CreatedAt }));
        await WriteAsync("commissions.json", db.CommissionEntries.AsNoTracking().Where(e => e.CreatorId == userId).OrderBy(e => e.Id));
        await WriteAsync("payouts.json", db.PayoutRequests.AsNoTracking().Where(p => p.CreatorId == userId).OrderBy(p => p.Id));
        await WriteAsync("invite-code.json", db.InviteCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Code, c.CreatedAt }));
        await WriteAsync("invites.json", db.InviteBindings.AsNoTracking().Where(b => b.InviteeId == userId || b.InviterId == userId).OrderBy(b => b.BoundAt)
            .Select(b => new { Mine = b.InviteeId == userId ? "invited-by" : "invited", Other = b.InviteeId == userId ? b.InviterId : b.InviteeId, b.BoundAt, b.ReboundAt }));
        await WriteAsync("invite-visits.json", db.InviteVisits.AsNoTracking().Where(v => v.InviterId == userId).OrderBy(v => v.Id).Select(v => new { v.VisitedAt }));
        await WriteAsync("invite-rewards.json", db.InviteRewards.AsNoTracking().Where(r => r.InviteeId == userId || r.InviterId == userId)
            .OrderBy(r => r.CreatedAt).Select(r => new { Mine = r.InviteeId == userId ? "invitee" : "inviter", r.OrderId, r.State, r.DueAt, r.InviterPoints, r.InviteePoints, r.CreditedAt, r.ReversedAt }));
        await WriteAsync("recommendation-events.json", db.BehaviourEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.NoteId, e.ProductId, e.DwellMs, e.Personalised, e.OccurredAt }));
        await WriteAsync("recommendation-settings.json", db.PersonalisationSettings.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Enabled, s.UpdatedAt }));
        await WriteAsync("recommendation-feedback.json", db.RecommendationFeedback.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Id)
            .Select(f => new { f.Kind, f.Target, f.CreatedAt }));
        await WriteAsync("recommendation-candidate-set.json", db.PersonalCandidateSets.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.RefreshedAt }));
        await WriteAsync("recommendation-interests.json", db.PersonalInterests.AsNoTracking().Where(i => i.UserId == userId).OrderByDescending(i => i.Weight)
            .Select(i => new { i.TopicId, i.Weight }));
        await WriteAsync("recommendation-candidates.json", db.PersonalCandidates.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.NoteId)
            .Select(c => new { c.NoteId, c.Similar }));
        await WriteAsync("refund-requests.json", db.RefundRequests.AsNoTracking().Where(r => r.RequesterId == userId));
        await WriteAsync("purchases.json", db.PurchaseRecords.AsNoTracking().Where(p => p.UserId == userId));
        await WriteAsync("reviews.json", db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId).OrderBy(r => r.Id).Select(r => new
        {
            Review = r,
            Images = db.ReviewImages.Where(i => i.ReviewId == r.Id).Select(i => i.StorageKey).ToList(),
            Revisions = db.Set<ReviewRevision>().Where(v => v.ReviewId == r.Id).ToList(),
        }));
        await WriteAsync("review-votes.json", db.ReviewVotes.AsNoTracking().Where(v => v.UserId == userId));
        await WriteAsync("questions.json", db.Set<ProductQuestion>().AsNoTracking().Where(q => q.AskerId == userId));
        await WriteAsync("answers.json", db.Set<ProductAnswer>().AsNoTracking().Where(a => a.AuthorId == userId));
        // Visits are other people's: only their count per link, never who visited.
        await WriteAsync("share-links.json", db.ShareLinks.AsNoTracking().Where(s => s.SharerId == userId).Select(s => new
        {
            Link = s,
            Visits = db.ShareVisits.Count(v => v.ShareLinkId == s.Id),
        }));
        await WriteAsync("share-visits.json", db.ShareVisits.AsNoTracking().Where(v => v.VisitorId == userId)
            .Select(v => new { v.ShareLinkId, v.VisitedAt }));
        await WriteAsync("consents.json", db.Consents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new { Kind = c.Kind.ToString(), c.Version, c.Granted, c.At }));
        await WriteAsync("account-deletion.json", db.AccountDeletions.AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { Status = d.Status.ToString(), Content = d.Content.ToString(), d.RequestedAt, d.DueAt, d.CancelledAt }));
        await WriteAsync("notifications.json", db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId));
        await WriteAsync("cart.json", db.CartItems.AsNoTracking().Where(c => c.OwnerKey == CartItem.UserOwner(userId)));
        await WriteAsync("audit.json", db.AuditLog.AsNoTracking().Where(a => a.ActorId == userId));
        await WriteAsync("catalog-audit.json", db.CatalogAuditLog.AsNoTracking().Where(a => a.ActorId == userId));
        await SocialStore.Domain.Moderation.ModerationExport.WriteAsync(db, userId, (name, rows) => WriteAsync(name, rows));
        await SocialStore.Domain.Moderation.Engagement.EngagementExport.WriteAsync(db, userId, (name, rows) => WriteAsync(name, rows));

        // The stored originals of the note images, one query, each copied in turn (never all in memory).
        var keys = db.NoteImages.AsNoTracking().Where(i => db.Notes.Any(n => n.Id == i.NoteId && n.AuthorId == userId))
            .OrderBy(i => i.Id).Select(i => i.StorageKey).AsAsyncEnumerable();
        await foreach (var key in keys.WithCancellation(cancellationToken))
        {
            await using var source = MediaPaths.IsSafe(key) ? await media.OpenReadAsync(key, cancellationToken) : null;
            if (source is null) continue;
            var entry = zip.CreateEntry("media/" + key, CompressionLevel.NoCompression);
            await using var target = entry.Open();
            await source.CopyToAsync(target, cancellationToken);
        }
    }
}
