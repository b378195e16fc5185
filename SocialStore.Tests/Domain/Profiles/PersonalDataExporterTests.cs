using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Profiles;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Profiles;

public class PersonalDataExporterTests
{
    /// <summary>
    /// Entity types that hold a user id without a foreign key to the users table (by convention), each
    /// checked by hand; a new one belongs here and in the exporter.
    /// </summary>
    private static readonly Type[] UserIdByConvention =
    [
        typeof(CartItem),       // OwnerKey "u:{id}" (anonymous carts hold "a:{token}")
        typeof(OrderEvent),     // ActorId
        typeof(RefundRequest),  // RequesterId, DecidedById
        typeof(ShareVisit),     // VisitorId
        typeof(PurchaseRecord), // UserId, GrantedById
        typeof(ReviewVote),     // UserId
    ];

    [Fact]
    public async Task ExportedEntityTypes_EveryEntityReferringToAUser_IsExported()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = await db.Factory.CreateDbContextAsync();
        var referring = context.Model.GetEntityTypes()
            .Where(t => t.ClrType == typeof(ApplicationUser)
                || t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(ApplicationUser)))
            .Select(t => t.ClrType)
            .Concat(UserIdByConvention)
            // A string property named like a user id (…UserId, AuthorId, ActorId, OwnerId, …) also counts.
            .Concat(context.Model.GetEntityTypes()
                .Where(t => t.GetProperties().Any(p => p.ClrType == typeof(string) && LooksLikeUserId(p.Name)))
                .Select(t => t.ClrType))
            .Distinct();

        var missing = referring
            .Where(t => !PersonalDataExporter.ExportedEntityTypes.Contains(t) && !PersonalDataExporter.LeftOutEntityTypes.Contains(t)).Select(t => t.Name).Order().ToList();

        Assert.Empty(missing);
    }

    private static bool LooksLikeUserId(string name) =>
        name is "UserId" or "AuthorId" or "ActorId" or "OwnerId" or "BuyerId" or "AskerId" or "RecipientId"
            or "FollowerId" or "FolloweeId" or "SharerId" or "VisitorId" or "RequesterId" or "OwnerKey";
}
