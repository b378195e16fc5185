using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Profiles;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Domain.Sharing;
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

    [Fact]
    public async Task WriteZipAsync_UserWithRowsInEveryArea_EachFileHoldsThemAndNothingElse()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var factory = bed.Db.Factory;
        var community = new TestCommunity(factory);
        var mei = await community.UserAsync("mei_export", "小美");
        var other = await community.UserAsync("other_export", "别人");
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == mei.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PasswordHash, "HASH-SECRET-1")
                .SetProperty(u => u.SecurityStamp, "STAMP-SECRET-1")
                .SetProperty(u => u.Email, "mei@example.com"));
        }
        var note = await community.NoteAsync(mei.Id, title: "我的笔记", cover: "notes/mine.jpg");
        var othersNote = await community.NoteAsync(other.Id, title: "别人的笔记");
        await community.LikeAsync(mei.Id, othersNote.Id, TestCommunity.Start);
        await community.LikeAsync(other.Id, othersNote.Id, TestCommunity.Start);
        var board = await community.BoardAsync(mei.Id, "我的收藏夹");
        await community.BoardAsync(other.Id, "别人的收藏夹");
        await community.CollectAsync(mei.Id, othersNote.Id, board.Id, TestCommunity.Start);
        await community.FollowAsync(mei.Id, other.Id);
        await community.FollowAsync(other.Id, mei.Id);
        var (productId, skuId) = await bed.SimpleProductAsync("面霜", 99m, 10);
        var sku = await bed.QueryAsync(db => db.Skus.SingleAsync(s => s.Id == skuId));
        await OrderTestData.DeliveredPurchaseAsync(factory, mei.Id, sku);
        await bed.PrepareBuyerAsync(mei.Id, (productId, skuId, 99m, 2));
        var question = new ProductQuestion { ProductId = productId, AskerId = mei.Id, Body = "我的问题", CreatedAt = TestCommunity.Start };
        await bed.QueryAsync(async db =>
        {
            db.Comments.Add(new Comment { NoteId = othersNote.Id, AuthorId = mei.Id, Body = "我的评论", CreatedAt = TestCommunity.Start });
            db.Comments.Add(new Comment { NoteId = othersNote.Id, AuthorId = other.Id, Body = "别人的评论", CreatedAt = TestCommunity.Start });
            db.ShareLinks.Add(new ShareLink { Code = "MEISHARE01", SharerId = mei.Id, TargetType = default, TargetId = othersNote.Id.ToString(), CreatedAt = TestCommunity.Start });
            db.Notifications.Add(new Notification { RecipientId = mei.Id, ActorId = other.Id, Kind = default, NoteId = note.Id, CreatedAt = TestCommunity.Start });
            db.AuditLog.Add(new AuditEntry { At = TestCommunity.Start, ActorId = mei.Id, Action = "role.grant", TargetType = "user", TargetId = other.Id, Reason = "我的审计" });
            db.Set<ProductQuestion>().Add(question);
            await db.SaveChangesAsync();
            db.Set<ProductAnswer>().Add(new ProductAnswer { QuestionId = question.Id, AuthorId = mei.Id, Body = "我的回答", CreatedAt = TestCommunity.Start });
            return await db.SaveChangesAsync();
        });
        var mediaRoot = Directory.CreateTempSubdirectory("export-media");
        try
        {
            var media = new LocalMediaStore(mediaRoot.FullName);
            await media.PutAsync("notes/mine.jpg", "JPEG-BYTES"u8.ToArray(), default);
            var exporter = new PersonalDataExporter(factory, media);
            using var output = new MemoryStream();

            await exporter.WriteZipAsync(mei.Id, output, default);

            output.Position = 0;
            using var zip = new ZipArchive(output, ZipArchiveMode.Read);
            var files = new Dictionary<string, string>();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                files[entry.FullName] = await reader.ReadToEndAsync();
            }
            Assert.Contains("mei@example.com", files["profile.json"]);
            Assert.Contains("我的笔记", files["notes.json"]);
            Assert.Contains("notes/mine.jpg", files["notes.json"]);
            Assert.Equal("JPEG-BYTES", files["media/notes/mine.jpg"]);
            Assert.Contains("我的评论", files["comments.json"]);
            Assert.Contains(othersNote.Id.ToString(), files["likes.json"]);
            Assert.Contains("我的收藏夹", files["boards.json"]);
            Assert.Contains(board.Id.ToString(), files["collects.json"]);
            Assert.Contains("\"following\"", files["follows.json"]);
            Assert.Contains("\"follower\"", files["follows.json"]);
            Assert.Contains("other_export", files["follows.json"]);
            Assert.Contains(skuId.ToString(), files["orders.json"]);
            Assert.Contains("\"Events\"", files["orders.json"]);
            Assert.Contains(skuId.ToString(), files["purchases.json"]);
            Assert.Contains("13812345678", files["addresses.json"]);
            Assert.Contains(skuId.ToString(), files["cart.json"]);
            Assert.Contains("MEISHARE01", files["share-links.json"]);
            Assert.Contains(note.Id.ToString(), files["notifications.json"]);
            Assert.Contains("我的审计", files["audit.json"]);
            Assert.Contains("我的问题", files["questions.json"]);
            Assert.Contains("我的回答", files["answers.json"]);
            var all = string.Concat(files.Values);
            Assert.DoesNotContain("别人的笔记", all);
            Assert.DoesNotContain("别人的评论", all);
            Assert.DoesNotContain("别人的收藏夹", all);
            Assert.DoesNotContain("HASH-SECRET-1", all);
            Assert.DoesNotContain("STAMP-SECRET-1", all);
            Assert.DoesNotContain("PasswordHash", all);
            Assert.DoesNotContain("SecurityStamp", all);
        }
        finally
        {
            mediaRoot.Delete(recursive: true);
        }
    }

    private static bool LooksLikeUserId(string name) =>
        name is "UserId" or "AuthorId" or "ActorId" or "OwnerId" or "BuyerId" or "AskerId" or "RecipientId"
            or "FollowerId" or "FolloweeId" or "SharerId" or "VisitorId" or "RequesterId" or "OwnerKey";
}
