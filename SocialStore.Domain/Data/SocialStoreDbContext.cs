using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Data;

/// <summary>
/// The one model of the application. Each database provider has a sealed subclass so that it
/// can carry its own migrations (see ADR-005); services and Identity use this base type.
/// </summary>
public abstract class SocialStoreDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<NoteImage> NoteImages => Set<NoteImage>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<NoteTopic> NoteTopics => Set<NoteTopic>();

    public DbSet<NoteLike> NoteLikes => Set<NoteLike>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<Collect> Collects => Set<Collect>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<NoteProduct> NoteProducts => Set<NoteProduct>();

    public DbSet<CommentLike> CommentLikes => Set<CommentLike>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<ShareVisit> ShareVisits => Set<ShareVisit>();

    public DbSet<ShareVisitCount> ShareVisitCounts => Set<ShareVisitCount>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductOption> ProductOptions => Set<ProductOption>();

    public DbSet<Sku> Skus => Set<Sku>();

    public DbSet<ProductImage> ProductImages => Set<ProductImage>();

    public DbSet<CatalogAuditEntry> CatalogAuditLog => Set<CatalogAuditEntry>();

    public DbSet<SocialStore.Domain.Audit.AuditEntry> AuditLog => Set<SocialStore.Domain.Audit.AuditEntry>();

    public DbSet<PurchaseRecord> PurchaseRecords => Set<PurchaseRecord>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewImage> ReviewImages => Set<ReviewImage>();

    public DbSet<ReviewVote> ReviewVotes => Set<ReviewVote>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderAdjustment> OrderAdjustments => Set<OrderAdjustment>();

    public DbSet<OrderLineAdjustment> OrderLineAdjustments => Set<OrderLineAdjustment>();

    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentCallback> PaymentCallbacks => Set<PaymentCallback>();

    public DbSet<PaymentIncident> PaymentIncidents => Set<PaymentIncident>();

    public DbSet<RefundRequest> RefundRequests => Set<RefundRequest>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<GroupBuys.GroupBuyCampaign> GroupBuyCampaigns => Set<GroupBuys.GroupBuyCampaign>();

    public DbSet<GroupBuys.GroupBuyGroup> GroupBuyGroups => Set<GroupBuys.GroupBuyGroup>();

    public DbSet<GroupBuys.GroupBuyMember> GroupBuyMembers => Set<GroupBuys.GroupBuyMember>();
    public DbSet<SocialStore.Domain.Coupons.CouponTemplate> CouponTemplates => Set<SocialStore.Domain.Coupons.CouponTemplate>();

    public DbSet<SocialStore.Domain.Coupons.CouponTemplateProduct> CouponTemplateProducts => Set<SocialStore.Domain.Coupons.CouponTemplateProduct>();

    public DbSet<SocialStore.Domain.Coupons.Coupon> Coupons => Set<SocialStore.Domain.Coupons.Coupon>();
    public DbSet<SocialStore.Domain.FlashSales.FlashSaleSlot> FlashSaleSlots => Set<SocialStore.Domain.FlashSales.FlashSaleSlot>();

    public DbSet<SocialStore.Domain.FlashSales.FlashSaleItem> FlashSaleItems => Set<SocialStore.Domain.FlashSales.FlashSaleItem>();

    public DbSet<SocialStore.Domain.FlashSales.FlashSaleQuota> FlashSaleQuotas => Set<SocialStore.Domain.FlashSales.FlashSaleQuota>();

    public DbSet<SocialStore.Domain.FlashSales.FlashSaleReservation> FlashSaleReservations => Set<SocialStore.Domain.FlashSales.FlashSaleReservation>();

    public DbSet<SocialStore.Domain.Bargains.BargainCampaign> BargainCampaigns => Set<SocialStore.Domain.Bargains.BargainCampaign>();

    public DbSet<SocialStore.Domain.Bargains.Bargain> Bargains => Set<SocialStore.Domain.Bargains.Bargain>();

    public DbSet<SocialStore.Domain.Bargains.BargainCut> BargainCuts => Set<SocialStore.Domain.Bargains.BargainCut>();
    public DbSet<SocialStore.Domain.Points.PointsEntry> PointsEntries => Set<SocialStore.Domain.Points.PointsEntry>();

    public DbSet<SocialStore.Domain.Points.PointsAccount> PointsAccounts => Set<SocialStore.Domain.Points.PointsAccount>();

    public DbSet<SocialStore.Domain.Points.PointsCheckIn> PointsCheckIns => Set<SocialStore.Domain.Points.PointsCheckIn>();

    public DbSet<SocialStore.Domain.Points.PointsRules> PointsRules => Set<SocialStore.Domain.Points.PointsRules>();
    public DbSet<SocialStore.Domain.Referrals.AttributionTouch> AttributionTouches => Set<SocialStore.Domain.Referrals.AttributionTouch>();

    public DbSet<SocialStore.Domain.Referrals.OrderLineAttribution> OrderLineAttributions => Set<SocialStore.Domain.Referrals.OrderLineAttribution>();

    public DbSet<SocialStore.Domain.Referrals.Creator> Creators => Set<SocialStore.Domain.Referrals.Creator>();

    public DbSet<SocialStore.Domain.Referrals.CommissionProductRate> CommissionProductRates => Set<SocialStore.Domain.Referrals.CommissionProductRate>();

    public DbSet<SocialStore.Domain.Referrals.ReferralSettings> ReferralSettings => Set<SocialStore.Domain.Referrals.ReferralSettings>();

    public DbSet<SocialStore.Domain.Referrals.CommissionEntry> CommissionEntries => Set<SocialStore.Domain.Referrals.CommissionEntry>();

    public DbSet<SocialStore.Domain.Referrals.PayoutRequest> PayoutRequests => Set<SocialStore.Domain.Referrals.PayoutRequest>();

    public DbSet<SocialStore.Domain.Referrals.Invites.InviteCode> InviteCodes => Set<SocialStore.Domain.Referrals.Invites.InviteCode>();

    public DbSet<SocialStore.Domain.Referrals.Invites.InviteBinding> InviteBindings => Set<SocialStore.Domain.Referrals.Invites.InviteBinding>();

    public DbSet<SocialStore.Domain.Referrals.Invites.InviteVisit> InviteVisits => Set<SocialStore.Domain.Referrals.Invites.InviteVisit>();

    public DbSet<SocialStore.Domain.Referrals.Invites.InviteReward> InviteRewards => Set<SocialStore.Domain.Referrals.Invites.InviteReward>();
    public DbSet<SocialStore.Domain.Recommendations.BehaviourEvent> BehaviourEvents => Set<SocialStore.Domain.Recommendations.BehaviourEvent>();

    public DbSet<SocialStore.Domain.Recommendations.RecommendationFeedback> RecommendationFeedback => Set<SocialStore.Domain.Recommendations.RecommendationFeedback>();

    public DbSet<SocialStore.Domain.Recommendations.PersonalisationSetting> PersonalisationSettings => Set<SocialStore.Domain.Recommendations.PersonalisationSetting>();

    public DbSet<SocialStore.Domain.Recommendations.PersonalCandidate> PersonalCandidates => Set<SocialStore.Domain.Recommendations.PersonalCandidate>();

    public DbSet<SocialStore.Domain.Recommendations.PersonalInterest> PersonalInterests => Set<SocialStore.Domain.Recommendations.PersonalInterest>();

    public DbSet<SocialStore.Domain.Recommendations.PersonalCandidateSet> PersonalCandidateSets => Set<SocialStore.Domain.Recommendations.PersonalCandidateSet>();

    public DbSet<SocialStore.Domain.Recommendations.SimilarNote> SimilarNotes => Set<SocialStore.Domain.Recommendations.SimilarNote>();

    public DbSet<SocialStore.Domain.Levels.GrowthEntry> GrowthEntries => Set<SocialStore.Domain.Levels.GrowthEntry>();

    public DbSet<SocialStore.Domain.Levels.MemberLevel> MemberLevels => Set<SocialStore.Domain.Levels.MemberLevel>();
    public DbSet<SocialStore.Domain.Dashboards.AlsoBought> AlsoBought => Set<SocialStore.Domain.Dashboards.AlsoBought>();
    public DbSet<SocialStore.Domain.RedPackets.RedPacket> RedPackets => Set<SocialStore.Domain.RedPackets.RedPacket>();

    public DbSet<SocialStore.Domain.RedPackets.RedPacketSlot> RedPacketSlots => Set<SocialStore.Domain.RedPackets.RedPacketSlot>();
    public DbSet<SocialStore.Domain.Moderation.Engagement.EngagementFinding> EngagementFindings => Set<SocialStore.Domain.Moderation.Engagement.EngagementFinding>();

    public DbSet<SocialStore.Domain.Moderation.Engagement.EngagementFindingMember> EngagementFindingMembers => Set<SocialStore.Domain.Moderation.Engagement.EngagementFindingMember>();

    public DbSet<SocialStore.Domain.Rewards.RewardSettings> RewardSettings => Set<SocialStore.Domain.Rewards.RewardSettings>();

    public DbSet<SocialStore.Domain.Rewards.RewardGrant> RewardGrants => Set<SocialStore.Domain.Rewards.RewardGrant>();

    public DbSet<SocialStore.Domain.Rewards.ExpirySweep> ExpirySweeps => Set<SocialStore.Domain.Rewards.ExpirySweep>();

    public DbSet<SocialStore.Domain.PersonalData.AccountDeletion> AccountDeletions => Set<SocialStore.Domain.PersonalData.AccountDeletion>();

    public DbSet<SocialStore.Domain.PersonalData.Consent> Consents => Set<SocialStore.Domain.PersonalData.Consent>();

    public DbSet<SocialStore.Domain.Media.MediaUpload> MediaUploads => Set<SocialStore.Domain.Media.MediaUpload>();

    public DbSet<SocialStore.Domain.Limits.ActionCounter> ActionCounters => Set<SocialStore.Domain.Limits.ActionCounter>();

    public DbSet<SocialStore.Domain.Media.PendingFileDeletion> PendingFileDeletions => Set<SocialStore.Domain.Media.PendingFileDeletion>();

    public DbSet<SocialStore.Domain.Dashboards.Rollups.DashboardRollupDay> DashboardRollupDays => Set<SocialStore.Domain.Dashboards.Rollups.DashboardRollupDay>();

    public DbSet<SocialStore.Domain.Dashboards.Rollups.DashboardOrderDay> DashboardOrderDays => Set<SocialStore.Domain.Dashboards.Rollups.DashboardOrderDay>();

    public DbSet<SocialStore.Domain.Dashboards.Rollups.DashboardUserDay> DashboardUserDays => Set<SocialStore.Domain.Dashboards.Rollups.DashboardUserDay>();

    public DbSet<SocialStore.Domain.Dashboards.Rollups.DashboardFirstSeen> DashboardFirstSeen => Set<SocialStore.Domain.Dashboards.Rollups.DashboardFirstSeen>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SocialStoreDbContext).Assembly);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.Handle).HasMaxLength(ApplicationUser.HandleMaxLength).IsRequired();
            user.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
            user.Property(u => u.Bio).HasMaxLength(ApplicationUser.BioMaxLength * 2).IsRequired();
            user.Property(u => u.AvatarKey).HasMaxLength(200);
            user.HasIndex(u => u.Handle).IsUnique();
        });

        // Every key that points at a user gets the user key's length, so SQL Server can index it.
        var userKeyLength = builder.Entity<ApplicationUser>().Metadata.FindProperty(nameof(ApplicationUser.Id))!.GetMaxLength() ?? 450;
        foreach (var foreignKey in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            if (foreignKey.PrincipalEntityType.ClrType != typeof(ApplicationUser)) continue;
            foreach (var property in foreignKey.Properties) property.SetMaxLength(userKeyLength);
        }
    }
}

public sealed class SqliteSocialStoreDbContext(DbContextOptions<SqliteSocialStoreDbContext> options) : SocialStoreDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type that sorts correctly with offsets; store UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverterUtc>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverterUtc>();
        // SQLite stores decimal as TEXT, which sorts and compares as text; store money as minor units (fen) instead (ADR-014).
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalToMinorUnitsConverter>();
    }
}

public sealed class PostgreSqlSocialStoreDbContext(DbContextOptions<PostgreSqlSocialStoreDbContext> options) : SocialStoreDbContext(options);

public sealed class SqlServerSocialStoreDbContext(DbContextOptions<SqlServerSocialStoreDbContext> options) : SocialStoreDbContext(options);
