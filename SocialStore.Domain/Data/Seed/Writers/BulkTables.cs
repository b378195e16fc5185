using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Data.Seed.Writers;

internal readonly record struct ImageRow(long Id, long NoteId, int Position, SeedImage Image);

internal readonly record struct NoteTopicRow(long NoteId, int TopicId);

/// <summary>The bulk layout of every table the seed fills, with positions in the plan turned into keys.</summary>
internal sealed class BulkTables(SeedPlan plan, SeedKeys keys)
{
    /// <summary>Tables whose generated keys the bulk run sets explicitly.</summary>
    public static readonly Type[] IdentityEntities = [typeof(Topic), typeof(Category), typeof(Product), typeof(Sku), typeof(Note), typeof(NoteImage), typeof(Board), typeof(Comment)];

    private string UserId(int index) => plan.Users[index].Id;

    // Nullable columns that stay NULL (password hash, phone, lockout end) are left out of the lists.
    public BulkTable<SeedUser> Users { get; } = new(typeof(ApplicationUser),
        new Column<SeedUser, string>(nameof(ApplicationUser.Id), u => u.Id),
        new Column<SeedUser, string>(nameof(ApplicationUser.Handle), u => u.Handle),
        new Column<SeedUser, string>(nameof(ApplicationUser.DisplayName), u => u.DisplayName),
        new Column<SeedUser, string>(nameof(ApplicationUser.AvatarKey), u => u.AvatarKey),
        new Column<SeedUser, string>(nameof(ApplicationUser.Bio), u => u.Bio),
        new Column<SeedUser, DateTimeOffset>(nameof(ApplicationUser.CreatedAt), u => u.CreatedAt),
        new Column<SeedUser, string>(nameof(ApplicationUser.UserName), u => u.Email),
        new Column<SeedUser, string>(nameof(ApplicationUser.NormalizedUserName), u => SeedUsers.Normalize(u.Email)),
        new Column<SeedUser, string>(nameof(ApplicationUser.Email), u => u.Email),
        new Column<SeedUser, string>(nameof(ApplicationUser.NormalizedEmail), u => SeedUsers.Normalize(u.Email)),
        new Column<SeedUser, bool>(nameof(ApplicationUser.EmailConfirmed), _ => true),
        new Column<SeedUser, string>(nameof(ApplicationUser.SecurityStamp), _ => SeedUsers.NewStamp()),
        new Column<SeedUser, string>(nameof(ApplicationUser.ConcurrencyStamp), _ => Guid.NewGuid().ToString()),
        new Column<SeedUser, bool>(nameof(ApplicationUser.PhoneNumberConfirmed), _ => false),
        new Column<SeedUser, bool>(nameof(ApplicationUser.TwoFactorEnabled), _ => false),
        new Column<SeedUser, bool>(nameof(ApplicationUser.LockoutEnabled), _ => true),
        new Column<SeedUser, int>(nameof(ApplicationUser.AccessFailedCount), _ => 0),
        // Counters start at 0 and are recounted from the rows after the bulk insert (BulkSeedWriter).
        new Column<SeedUser, int>(nameof(ApplicationUser.FollowerCount), _ => 0),
        new Column<SeedUser, int>(nameof(ApplicationUser.FollowingCount), _ => 0),
        new Column<SeedUser, bool>(nameof(ApplicationUser.LikesArePublic), _ => false));

    public BulkTable<int> Topics => new(typeof(Topic),
        new Column<int, int>(nameof(Topic.Id), i => keys.TopicIds[i]),
        new Column<int, string>(nameof(Topic.Name), i => plan.TopicNames[i]),
        new Column<int, DateTimeOffset>(nameof(Topic.CreatedAt), _ => plan.Now - TimeSpan.FromDays(400)));

    public BulkTable<SeedCategory> Categories => new(typeof(Category),
        new Column<SeedCategory, int>(nameof(Category.Id), c => keys.CategoryIds[c.Index]),
        new NullableColumn<SeedCategory, int>(nameof(Category.ParentId), c => c.ParentIndex is { } p ? keys.CategoryIds[p] : null),
        new Column<SeedCategory, string>(nameof(Category.Slug), c => c.Slug),
        new Column<SeedCategory, string>(nameof(Category.NameZh), c => c.NameZh),
        new Column<SeedCategory, string>(nameof(Category.NameEn), c => c.NameEn),
        new Column<SeedCategory, int>(nameof(Category.SortOrder), c => c.SortOrder));

    public BulkTable<SeedProduct> Products => new(typeof(Product),
        new Column<SeedProduct, long>(nameof(Product.Id), p => keys.ProductId(p.Index)),
        new Column<SeedProduct, string>(nameof(Product.Title), p => p.Title),
        new Column<SeedProduct, string>(nameof(Product.Subtitle), p => p.Subtitle),
        new Column<SeedProduct, string>(nameof(Product.Description), p => p.Description),
        new Column<SeedProduct, string>(nameof(Product.Brand), p => p.Brand),
        new Column<SeedProduct, int>(nameof(Product.CategoryId), p => keys.CategoryIds[p.CategoryIndex]),
        new Column<SeedProduct, decimal>(nameof(Product.Price), p => p.Price),
        new Column<SeedProduct, decimal>(nameof(Product.OriginalPrice), p => p.OriginalPrice),
        new Column<SeedProduct, string>(nameof(Product.Currency), _ => "CNY"),
        new Column<SeedProduct, int>(nameof(Product.Stock), p => p.Stock),
        new Column<SeedProduct, string>(nameof(Product.CoverKey), p => p.CoverKey),
        new Column<SeedProduct, int>(nameof(Product.CoverWidth), _ => CatalogGenerator.CoverSize.Width),
        new Column<SeedProduct, int>(nameof(Product.CoverHeight), _ => CatalogGenerator.CoverSize.Height),
        new Column<SeedProduct, string>(nameof(Product.Status), _ => nameof(ProductStatus.OnSale)),
        new Column<SeedProduct, int>(nameof(Product.SalesCount), _ => 0),
        new Column<SeedProduct, string>(nameof(Product.Tags), _ => ""),
        new Column<SeedProduct, DateTimeOffset>(nameof(Product.CreatedAt), p => p.CreatedAt));

    /// <summary>Each seeded product is sold as one SKU (no options) carrying its price and stock.</summary>
    public BulkTable<SeedProduct> Skus => new(typeof(Sku),
        new Column<SeedProduct, long>(nameof(Sku.Id), p => keys.SkuId(p.Index)),
        new Column<SeedProduct, long>(nameof(Sku.ProductId), p => keys.ProductId(p.Index)),
        new Column<SeedProduct, string>(nameof(Sku.Key), _ => ""),
        new Column<SeedProduct, decimal>(nameof(Sku.Price), p => p.Price),
        new Column<SeedProduct, decimal>(nameof(Sku.OriginalPrice), p => p.OriginalPrice),
        new Column<SeedProduct, int>(nameof(Sku.Stock), p => p.Stock),
        new Column<SeedProduct, bool>(nameof(Sku.IsActive), _ => true));

    public BulkTable<SeedNote> Notes => new(typeof(Note),
        new Column<SeedNote, long>(nameof(Note.Id), n => keys.NoteId(n.Index)),
        new Column<SeedNote, string>(nameof(Note.AuthorId), n => UserId(n.AuthorIndex)),
        new Column<SeedNote, string>(nameof(Note.Title), n => n.Title),
        new Column<SeedNote, string>(nameof(Note.Body), n => n.Body),
        new Column<SeedNote, string>(nameof(Note.Status), _ => nameof(NoteStatus.Published)),
        new Column<SeedNote, DateTimeOffset>(nameof(Note.CreatedAt), n => n.CreatedAt),
        new Column<SeedNote, string>(nameof(Note.CoverKey), n => n.Images[0].Key),
        new Column<SeedNote, int>(nameof(Note.CoverWidth), n => n.Images[0].Width),
        new Column<SeedNote, int>(nameof(Note.CoverHeight), n => n.Images[0].Height),
        new Column<SeedNote, int>(nameof(Note.LikeCount), n => n.Likes),
        new Column<SeedNote, int>(nameof(Note.CollectCount), n => n.Collects),
        new Column<SeedNote, int>(nameof(Note.CommentCount), n => n.Comments),
        new Column<SeedNote, int>(nameof(Note.ShareCount), _ => 0),
        new Column<SeedNote, double>(nameof(Note.HotScore), n => Ranking.HotScore(n.Likes, n.Collects, n.Comments, 0, n.CreatedAt)));

    public BulkTable<ImageRow> Images => new(typeof(NoteImage),
        new Column<ImageRow, long>(nameof(NoteImage.Id), i => i.Id),
        new Column<ImageRow, long>(nameof(NoteImage.NoteId), i => i.NoteId),
        new Column<ImageRow, int>(nameof(NoteImage.Position), i => i.Position),
        new Column<ImageRow, string>(nameof(NoteImage.StorageKey), i => i.Image.Key),
        new Column<ImageRow, int>(nameof(NoteImage.Width), i => i.Image.Width),
        new Column<ImageRow, int>(nameof(NoteImage.Height), i => i.Image.Height),
        new Column<ImageRow, string>(nameof(NoteImage.Alt), i => i.Image.Alt));

    public BulkTable<NoteTopicRow> NoteTopics { get; } = new(typeof(NoteTopic),
        new Column<NoteTopicRow, long>(nameof(NoteTopic.NoteId), t => t.NoteId),
        new Column<NoteTopicRow, int>(nameof(NoteTopic.TopicId), t => t.TopicId));

    public BulkTable<SeedBoard> Boards => new(typeof(Board),
        new Column<SeedBoard, long>(nameof(Board.Id), b => keys.BoardId(b.Index)),
        new Column<SeedBoard, string>(nameof(Board.OwnerId), b => UserId(b.OwnerIndex)),
        new Column<SeedBoard, string>(nameof(Board.Name), b => b.Name),
        new Column<SeedBoard, bool>(nameof(Board.IsDefault), b => b.IsDefault),
        new Column<SeedBoard, bool>(nameof(Board.IsPrivate), b => b.IsPrivate),
        new Column<SeedBoard, DateTimeOffset>(nameof(Board.CreatedAt), b => b.CreatedAt));

    public BulkTable<SeedFollow> Follows => new(typeof(Follow),
        new Column<SeedFollow, string>(nameof(Follow.FollowerId), f => UserId(f.FollowerIndex)),
        new Column<SeedFollow, string>(nameof(Follow.FolloweeId), f => UserId(f.FolloweeIndex)),
        new Column<SeedFollow, DateTimeOffset>(nameof(Follow.CreatedAt), f => f.CreatedAt));

    public BulkTable<SeedLike> Likes => new(typeof(NoteLike),
        new Column<SeedLike, string>(nameof(NoteLike.UserId), l => UserId(l.UserIndex)),
        new Column<SeedLike, long>(nameof(NoteLike.NoteId), l => keys.NoteId(l.NoteIndex)),
        new Column<SeedLike, DateTimeOffset>(nameof(NoteLike.CreatedAt), l => l.CreatedAt));

    public BulkTable<SeedCollect> Collects => new(typeof(Collect),
        new Column<SeedCollect, string>(nameof(Collect.UserId), c => UserId(c.UserIndex)),
        new Column<SeedCollect, long>(nameof(Collect.NoteId), c => keys.NoteId(c.NoteIndex)),
        new Column<SeedCollect, long>(nameof(Collect.BoardId), c => keys.BoardId(c.BoardIndex)),
        new Column<SeedCollect, DateTimeOffset>(nameof(Collect.CreatedAt), c => c.CreatedAt));

    public BulkTable<SeedComment> Comments => new(typeof(Comment),
        new Column<SeedComment, long>(nameof(Comment.Id), c => keys.CommentId(c.Index)),
        new Column<SeedComment, long>(nameof(Comment.NoteId), c => keys.NoteId(c.NoteIndex)),
        new Column<SeedComment, string>(nameof(Comment.AuthorId), c => UserId(c.AuthorIndex)),
        new NullableColumn<SeedComment, long>(nameof(Comment.ParentId), c => c.ParentIndex is { } p ? keys.CommentId(p) : null),
        new Column<SeedComment, string>(nameof(Comment.Body), c => c.Body),
        new Column<SeedComment, int>(nameof(Comment.LikeCount), _ => 0),
        new Column<SeedComment, int>(nameof(Comment.ReplyCount), _ => 0),
        new Column<SeedComment, bool>(nameof(Comment.IsDeleted), _ => false),
        new Column<SeedComment, DateTimeOffset>(nameof(Comment.CreatedAt), c => c.CreatedAt));
}
