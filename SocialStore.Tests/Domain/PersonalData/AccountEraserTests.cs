using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.PersonalData;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Domain.Referrals;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.PersonalData;

/// <summary>Delete my account (ADR-051): the grace period, the erasure once, and a scan of every text column afterwards.</summary>
public class AccountEraserTests
{
    /// <summary>Planted in every personal text field of the person who leaves; must not appear anywhere afterwards.</summary>
    private const string Marker = "zqxmark";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_RemoveContent_NoPersonalTextLeftInAnyColumn_LedgersAndOrdersKept(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var (deletions, eraser, clock) = Services(r);
        var victim = r.Creator;
        var seeded = await SeedEverythingAsync(r, victim.Id);

        var due = await deletions.RequestAsync(victim.Id, DeletionContent.Remove, default);
        Assert.Equal(clock.GetUtcNow().AddDays(14), due);
        Assert.Equal(0, await eraser.EraseDueAsync(default)); // in the grace period
        clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal(1, await eraser.EraseDueAsync(default));
        Assert.Equal(0, await eraser.EraseDueAsync(default)); // the second round finds nothing

        var leaks = await ScanAsync(r.Factory, Marker);
        Assert.Empty(leaks);

        await using var db = await r.Factory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == victim.Id);
        Assert.Equal((AccountEraser.DeletedDisplayName, (string?)null, (string?)null, (string?)null), (user.DisplayName, user.Email, user.PasswordHash, user.PhoneNumber));
        Assert.True(user.LockoutEnd > clock.GetUtcNow().AddYears(100));
        Assert.True(await deletions.IsErasedAsync(victim.Id, default));
        // Orders and ledgers stay, amounts untouched.
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == seeded.OrderId);
        Assert.Equal((seeded.OrderTotal, ""), (order.Total, order.Recipient));
        Assert.True(await db.OrderLines.AnyAsync(l => l.OrderId == seeded.OrderId));
        Assert.Equal(seeded.Commissions, await db.CommissionEntries.CountAsync(e => e.CreatorId == victim.Id));
        Assert.True(seeded.Commissions > 0);
        // Every counter is a count of real rows again.
        foreach (var note in await db.Notes.AsNoTracking().ToListAsync())
        {
            Assert.Equal(await db.NoteLikes.CountAsync(l => l.NoteId == note.Id), note.LikeCount);
            Assert.Equal(await db.Collects.CountAsync(c => c.NoteId == note.Id), note.CollectCount);
            Assert.Equal(await db.Comments.CountAsync(c => c.NoteId == note.Id && !c.IsDeleted), note.CommentCount);
        }
        foreach (var review in await db.Reviews.AsNoTracking().ToListAsync())
            Assert.Equal(await db.ReviewVotes.CountAsync(v => v.ReviewId == review.Id), review.HelpfulCount);
        foreach (var u in await db.Users.AsNoTracking().ToListAsync())
        {
            Assert.Equal(await db.Follows.CountAsync(f => f.FolloweeId == u.Id), u.FollowerCount);
            Assert.Equal(await db.Follows.CountAsync(f => f.FollowerId == u.Id), u.FollowingCount);
        }
        Assert.False(await db.NoteLikes.AnyAsync(l => l.UserId == victim.Id));
        Assert.False(await db.Addresses.AnyAsync(a => a.UserId == victim.Id));
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == victim.Id));
        Assert.False(await db.BehaviourEvents.AnyAsync(e => e.UserId == victim.Id));
        Assert.False(await db.CartItems.AnyAsync(c => c.OwnerKey == CartItem.UserOwner(victim.Id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_KeepAnonymised_ContentStaysUnderTheDeletedName_PersonalFieldsGone(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var (deletions, eraser, clock) = Services(r);
        var victim = r.Creator;
        await SeedEverythingAsync(r, victim.Id, contentMarker: "keptcontent");
        await deletions.RequestAsync(victim.Id, DeletionContent.Anonymise, default);
        clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(1, await eraser.EraseDueAsync(default));

        Assert.Empty(await ScanAsync(r.Factory, Marker));
        Assert.NotEmpty(await ScanAsync(r.Factory, "keptcontent")); // the note, comment, review and answer stay
        await using var db = await r.Factory.CreateDbContextAsync();
        var note = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == r.NoteId);
        Assert.Equal(SocialStore.Domain.Notes.NoteStatus.Published, note.Status);
        Assert.Contains("keptcontent", note.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignInDuringGracePeriod_CancelsOnce_NothingErasedLater(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var (deletions, eraser, clock) = Services(r);
        var victim = r.Creator;
        await deletions.RequestAsync(victim.Id, DeletionContent.Remove, default);
        clock.Advance(TimeSpan.FromDays(13));

        Assert.True(await deletions.CancelOnSignInAsync(victim.Id, default));
        Assert.False(await deletions.CancelOnSignInAsync(victim.Id, default)); // told once
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await eraser.EraseDueAsync(default));

        var state = await deletions.StateAsync(victim.Id, default);
        Assert.Equal(DeletionStatus.Cancelled, state!.Status);
        await using var db = await r.Factory.CreateDbContextAsync();
        Assert.Equal("creator", (await db.Users.AsNoTracking().SingleAsync(u => u.Id == victim.Id)).Handle);

        // Asking again starts a new grace period.
        var due = await deletions.RequestAsync(victim.Id, DeletionContent.Anonymise, default);
        Assert.Equal(clock.GetUtcNow().AddDays(14), due);
        Assert.Equal(DeletionStatus.Pending, (await deletions.StateAsync(victim.Id, default))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoWorkersAtOnce_EraseTheAccountOnce_ASignInAfterwardsCancelsNothing(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var (deletions, eraser, clock) = Services(r);
        var (_, second, _) = Services(r);
        var victim = r.Creator;
        await SeedEverythingAsync(r, victim.Id);
        await deletions.RequestAsync(victim.Id, DeletionContent.Remove, default);
        clock.Advance(TimeSpan.FromDays(14));

        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? eraser : second).EraseDueAsync(default))));

        Assert.Equal(1, rounds.Sum());
        Assert.False(await deletions.CancelOnSignInAsync(victim.Id, default));
        Assert.Empty(await ScanAsync(r.Factory, Marker));
    }

    private static (AccountDeletionService Deletions, AccountEraser Eraser, FakeTimeProvider Clock) Services(ReferralTestBed r)
    {
        var options = Options.Create(new AccountDeletionOptions { GraceDays = 14 });
        var images = new ImagePipeline(new LocalMediaStore(Path.Combine(Path.GetTempPath(), "socialstore-erase-media")), TimeProvider.System,
            Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var clock = r.Bed.Clock;
        return (new AccountDeletionService(r.Factory, clock, options), new AccountEraser(r.Factory, clock, options, new FileDeletions(r.Factory, images)), clock);
    }

    private sealed record Seeded(long OrderId, decimal OrderTotal, int Commissions);

    /// <summary>
    /// The person who leaves gets rows in every area: profile, a note with an image and a tagged product, a comment
    /// (replied to and liked by another), likes, a board and a collect, follows both ways, an address, a cart, an
    /// order of their own, a purchase with a review, a question and an answer, a share link, notifications,
    /// behaviour events, an invite code and binding, and commissions earned on another buyer's order.
    /// </summary>
    private static async Task<Seeded> SeedEverythingAsync(ReferralTestBed r, string victimId, string contentMarker = Marker)
    {
        var other = r.Buyer;
        var factory = r.Factory;
        // Commission: another buyer came through the victim's note.
        await r.Attribution.RecordAsync(new TouchInput(other.Id, null, null, r.NoteId, r.Product.ProductId, null), default);
        var commissioned = await r.BuyAsync(other.Id);
        await OrderTestData.PayAsync(factory, commissioned, r.Bed.Clock.GetUtcNow());
        // The victim's own order, and a delivered purchase to review.
        // The victim's address carries the marker before checkout, so every copy the order makes of it is scanned too.
        var ownAddress = await r.Bed.PrepareBuyerAsync(victimId, (r.Product.ProductId, r.Product.SkuId, 200m, 1));
        await r.Bed.QueryAsync(db => db.Addresses.Where(a => a.Id == ownAddress).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Recipient, "收件人" + Marker).SetProperty(a => a.Mobile, "139" + Marker).SetProperty(a => a.Detail, "地址 " + Marker)));
        var placed = await r.Bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(victimId, Guid.NewGuid().ToString(), ownAddress, [r.Product.SkuId], new PricingChoices(null)), default);
        var own = await r.Bed.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.Contains(Marker, own.AddressDetail);
        await OrderTestData.PayAsync(factory, own, r.Bed.Clock.GetUtcNow());
        var sku = await r.Bed.QueryAsync(db => db.Skus.SingleAsync(s => s.Id == r.Product.SkuId));
        var purchaseId = await OrderTestData.DeliveredPurchaseAsync(factory, victimId, sku);
        await r.Bed.PrepareBuyerAsync(victimId, (r.Product.ProductId, r.Product.SkuId, 200m, 1)); // a cart and another address

        var at = r.Bed.Clock.GetUtcNow();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var otherNote = SocialStore.Domain.Notes.Note.Create(other.Id, "别人的笔记", "正文",
                [new SocialStore.Domain.Notes.NoteImage { StorageKey = "seed/cover.svg", Width = 3, Height = 4, Alt = "图" }], at);
            db.Notes.Add(otherNote);
            await db.SaveChangesAsync();

            db.NoteLikes.Add(new NoteLike { UserId = victimId, NoteId = otherNote.Id, CreatedAt = at });
            db.NoteLikes.Add(new NoteLike { UserId = other.Id, NoteId = r.NoteId, CreatedAt = at });
            var board = new Board { OwnerId = victimId, Name = "收藏 " + Marker, CreatedAt = at };
            db.Boards.Add(board);
            db.Follows.Add(new Follow { FollowerId = victimId, FolloweeId = other.Id, CreatedAt = at });
            db.Follows.Add(new Follow { FollowerId = other.Id, FolloweeId = victimId, CreatedAt = at });
            var comment = new Comment { NoteId = otherNote.Id, AuthorId = victimId, Body = "评论 " + contentMarker, CreatedAt = at };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            db.Collects.Add(new Collect { UserId = victimId, NoteId = otherNote.Id, BoardId = board.Id, CreatedAt = at });
            db.Comments.Add(new Comment { NoteId = otherNote.Id, AuthorId = other.Id, ParentId = comment.Id, Body = "回复", CreatedAt = at });
            db.CommentLikes.Add(new CommentLike { CommentId = comment.Id, UserId = other.Id, CreatedAt = at });
            await db.SaveChangesAsync();
            // Counters as the services keep them.
            await db.Notes.Where(n => n.Id == otherNote.Id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LikeCount, 1).SetProperty(n => n.CollectCount, 1).SetProperty(n => n.CommentCount, 2));
            await db.Notes.Where(n => n.Id == r.NoteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 1)
                .SetProperty(n => n.Title, "笔记" + contentMarker).SetProperty(n => n.Body, "正文 " + contentMarker));
            await db.Comments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, 1).SetProperty(c => c.ReplyCount, 1));
            await db.Users.Where(u => u.Id == victimId || u.Id == other.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowerCount, 1).SetProperty(u => u.FollowingCount, 1));
            await db.NoteImages.Where(i => i.NoteId == r.NoteId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Alt, "图 " + contentMarker));

            var purchase = await db.PurchaseRecords.SingleAsync(p => p.Id == purchaseId);
            var review = Review.Write(purchase, victimId, 5, "评价 " + contentMarker, [], at);
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            // A "helpful" vote of the leaver, counted as the service counts it (the seed writes rows directly).
            db.ReviewVotes.Add(new ReviewVote { ReviewId = review.Id, UserId = victimId, CreatedAt = at });
            await db.SaveChangesAsync();
            await db.Reviews.Where(x => x.Id == review.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.HelpfulCount, 1));
            var question = new ProductQuestion { ProductId = r.Product.ProductId, AskerId = victimId, Body = "问题 " + contentMarker, CreatedAt = at };
            db.Set<ProductQuestion>().Add(question);
            await db.SaveChangesAsync();
            db.Set<ProductAnswer>().Add(new ProductAnswer { QuestionId = question.Id, AuthorId = victimId, Body = "回答 " + contentMarker, CreatedAt = at });
            await db.Set<ProductQuestion>().Where(q => q.Id == question.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.AnswerCount, 1));
            db.ShareLinks.Add(new ShareLink { Code = "ERASE00001", SharerId = victimId, TargetType = default, TargetId = r.NoteId.ToString(), CreatedAt = at });
            db.Notifications.Add(new Notification { RecipientId = victimId, ActorId = other.Id, Kind = NotificationKind.Follow, CreatedAt = at });
            db.Notifications.Add(new Notification { RecipientId = other.Id, ActorId = victimId, Kind = NotificationKind.Follow, CreatedAt = at });
            db.BehaviourEvents.Add(new BehaviourEvent { Kind = default, UserId = victimId, ClientKey = "c-" + victimId[..8], NoteId = otherNote.Id, OccurredAt = at });
            db.InviteCodes.Add(new InviteCode { UserId = victimId, Code = "ERASE001", CreatedAt = at });
            db.InviteBindings.Add(new InviteBinding { InviteeId = victimId, InviterId = other.Id, BoundAt = at });
            await db.SaveChangesAsync();

            // Personal fields: the profile, every address and the delivery details of every order.
            await db.Users.Where(u => u.Id == victimId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.DisplayName, "名字" + Marker).SetProperty(u => u.Bio, "简介 " + Marker)
                .SetProperty(u => u.PhoneNumber, "138" + Marker).SetProperty(u => u.Email, Marker + "@example.test")
                .SetProperty(u => u.NormalizedEmail, (Marker + "@example.test").ToUpperInvariant())
                .SetProperty(u => u.UserName, Marker + "@example.test").SetProperty(u => u.NormalizedUserName, (Marker + "@example.test").ToUpperInvariant())
                .SetProperty(u => u.Handle, Marker + "_h").SetProperty(u => u.AvatarKey, "avatars/" + Marker));
            await db.Addresses.Where(a => a.UserId == victimId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Recipient, "收件人" + Marker).SetProperty(a => a.Mobile, "139" + Marker).SetProperty(a => a.Detail, "地址 " + Marker));
            await db.Orders.Where(o => o.BuyerId == victimId).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Recipient, "收件人" + Marker).SetProperty(o => o.Mobile, "139" + Marker).SetProperty(o => o.AddressDetail, "地址 " + Marker));
        }
        await using var read = await factory.CreateDbContextAsync();
        Assert.NotEmpty(await ScanAsync(factory, Marker));
        return new Seeded(own.Id, own.Total, await read.CommissionEntries.CountAsync(e => e.CreatorId == victimId));
    }

    /// <summary>Every text column of every table of the model that holds <paramref name="text"/>, as "Table.Column".</summary>
    private static async Task<List<string>> ScanAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<SocialStoreDbContext> factory, string text)
    {
        await using var db = await factory.CreateDbContextAsync();
        var columns = new List<(string Table, string Column)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || entity.GetViewName() is not null) continue;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if ((property.GetValueConverter()?.ProviderClrType ?? property.ClrType) != typeof(string)) continue;
                var column = property.GetColumnName(store);
                if (column is not null) columns.Add((table, column));
            }
        }
        Assert.True(columns.Count > 100, $"only {columns.Count} text columns found");
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (table, column) in columns.Distinct())
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE @p";
            var p = command.CreateParameter();
            p.ParameterName = "@p";
            p.Value = "%" + text + "%";
            command.Parameters.Add(p);
            if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0) found.Add($"{table}.{column}");
        }
        return found;
    }
}
