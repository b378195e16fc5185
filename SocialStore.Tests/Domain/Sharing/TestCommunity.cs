using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;

namespace SocialStore.Tests.Domain.Sharing;

/// <summary>
/// Inserts users, notes, products and social rows straight into a real database for sharing and profile
/// tests. Counters move the way the services move them: an atomic increment next to each inserted row.
/// </summary>
public sealed class TestCommunity(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private int categoryId;

    public async Task<ApplicationUser> UserAsync(string handle, string? displayName = null, string bio = "", string? avatarKey = null, bool likesArePublic = false, string? password = null)
    {
        var user = new ApplicationUser
        {
            UserName = $"{handle}@example.test",
            NormalizedUserName = $"{handle}@example.test".ToUpperInvariant(),
            Email = $"{handle}@example.test",
            NormalizedEmail = $"{handle}@example.test".ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(),
            Handle = handle,
            DisplayName = displayName ?? handle,
            Bio = bio,
            AvatarKey = avatarKey,
            LikesArePublic = likesArePublic,
            CreatedAt = Start,
        };
        if (password is not null) user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, password);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Note> NoteAsync(string authorId, DateTimeOffset? at = null, string title = "好物分享", string cover = "seed/cover.svg", bool draft = false, bool deleted = false)
    {
        var note = Note.Create(authorId, title, "正文", [new NoteImage { StorageKey = cover, Width = 3, Height = 4, Alt = title }], at ?? Start, draft);
        if (deleted) note.Delete(at ?? Start);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        return note;
    }

    public async Task<Product> ProductAsync(ProductStatus status = ProductStatus.OnSale, string title = "面霜")
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (categoryId == 0)
        {
            var category = new Category { Slug = $"c{Guid.NewGuid():N}"[..20], NameZh = "护肤", NameEn = "Skincare" };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            categoryId = category.Id;
        }
        var product = new Product
        {
            Title = title,
            Brand = "Brand",
            CategoryId = categoryId,
            Price = 99m,
            OriginalPrice = 129m,
            Currency = "CNY",
            Stock = 10,
            CoverKey = "seed/p.svg",
            CoverWidth = 1,
            CoverHeight = 1,
            Status = status,
            CreatedAt = Start,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public async Task LikeAsync(string userId, long noteId, DateTimeOffset at)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.NoteLikes.Add(new NoteLike { UserId = userId, NoteId = noteId, CreatedAt = at });
        await db.SaveChangesAsync();
        await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount + 1));
    }

    public async Task<Board> BoardAsync(string ownerId, string name, bool isPrivate = false, bool isDefault = false, DateTimeOffset? at = null)
    {
        var board = new Board { OwnerId = ownerId, Name = name, IsPrivate = isPrivate, IsDefault = isDefault, CreatedAt = at ?? Start };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Boards.Add(board);
        await db.SaveChangesAsync();
        return board;
    }

    public async Task CollectAsync(string userId, long noteId, long boardId, DateTimeOffset at)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Collects.Add(new Collect { UserId = userId, NoteId = noteId, BoardId = boardId, CreatedAt = at });
        await db.SaveChangesAsync();
        await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount + 1));
    }

    public async Task FollowAsync(string followerId, string followeeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Follows.Add(new Follow { FollowerId = followerId, FolloweeId = followeeId, CreatedAt = Start });
        await db.SaveChangesAsync();
        await db.Users.Where(u => u.Id == followerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowingCount, u => u.FollowingCount + 1));
        await db.Users.Where(u => u.Id == followeeId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowerCount, u => u.FollowerCount + 1));
    }
}
