using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>
/// Writes a small plan through the entities (so <see cref="Note.Create"/> checks every note) in one
/// transaction. Used for the demo set; it works on every provider, SQL Server included.
/// </summary>
internal sealed class EntitySeedWriter(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public async Task WriteAsync(SeedPlan plan, IReadOnlyList<SeedNote> seedNotes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var users = plan.Users.Select(SeedUsers.ToEntity).ToList();
        db.Users.AddRange(users);
        var topics = await TopicsAsync(db, plan, cancellationToken);
        var categories = await CategoriesAsync(db, plan, cancellationToken);
        var (coverWidth, coverHeight) = CatalogGenerator.CoverSize;
        db.Products.AddRange(plan.Products().Select(p =>
        {
            var product = new Product
            {
                Title = p.Title,
                Subtitle = p.Subtitle,
                Description = p.Description,
                Brand = p.Brand,
                CategoryId = categories[p.CategoryIndex].Id,
                Currency = "CNY",
                CoverKey = p.CoverKey,
                CoverWidth = coverWidth,
                CoverHeight = coverHeight,
                Status = ProductStatus.OnSale,
                CreatedAt = p.CreatedAt,
            };
            // One SKU without options; SetVariants also fills the price and stock summary.
            product.SetVariants([], [new SkuInput([], p.Price, p.OriginalPrice, p.Stock)]);
            product.SetImages([new ProductImage { StorageKey = p.CoverKey, Width = coverWidth, Height = coverHeight }]);
            return product;
        }));

        var notes = new List<Note>(seedNotes.Count);
        foreach (var seed in seedNotes)
        {
            var images = seed.Images.Select(i => new NoteImage { StorageKey = i.Key, Width = i.Width, Height = i.Height, Alt = i.Alt }).ToList();
            var note = Note.Create(users[seed.AuthorIndex].Id, seed.Title, seed.Body, images, seed.CreatedAt);
            foreach (var topic in seed.TopicIndices) note.AddTopic(topics[topic]);
            note.SetCountsFromRows(seed.Likes, seed.Collects, seed.Comments);
            notes.Add(note);
        }
        db.Notes.AddRange(notes);
        var boards = plan.Boards.Select(b => new Board
        {
            OwnerId = users[b.OwnerIndex].Id,
            Name = b.Name,
            IsDefault = b.IsDefault,
            IsPrivate = b.IsPrivate,
            CreatedAt = b.CreatedAt,
        }).ToList();
        db.Boards.AddRange(boards);
        await db.SaveChangesAsync(cancellationToken);

        // Every third note tags one or two products, so note pages show what they talk about.
        var productIds = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < notes.Count && productIds.Count > 1; i += 3)
        {
            var first = productIds[(i * 7) % productIds.Count];
            var second = productIds[(i * 7 + 5) % productIds.Count];
            notes[i].SetProducts(i % 2 == 0 ? [first, second] : [first]);
        }

        db.Follows.AddRange(plan.Follows().Select(f => new Follow
        {
            FollowerId = users[f.FollowerIndex].Id,
            FolloweeId = users[f.FolloweeIndex].Id,
            CreatedAt = f.CreatedAt,
        }));
        db.NoteLikes.AddRange(plan.Likes().Select(l => new NoteLike { NoteId = notes[l.NoteIndex].Id, UserId = users[l.UserIndex].Id, CreatedAt = l.CreatedAt }));
        db.Collects.AddRange(plan.Collects().Select(c => new Collect
        {
            NoteId = notes[c.NoteIndex].Id,
            UserId = users[c.UserIndex].Id,
            BoardId = boards[c.BoardIndex].Id,
            CreatedAt = c.CreatedAt,
        }));

        // Replies need their parent's key, so top-level comments are saved first.
        var seedComments = plan.Comments().ToList();
        var comments = seedComments.Select(c => new Comment
        {
            NoteId = notes[c.NoteIndex].Id,
            AuthorId = users[c.AuthorIndex].Id,
            Body = c.Body,
            CreatedAt = c.CreatedAt,
        }).ToList();
        db.Comments.AddRange(comments.Where((_, i) => seedComments[i].ParentIndex is null));
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < comments.Count; i++)
        {
            if (seedComments[i].ParentIndex is not { } parent) continue;
            comments[i].ParentId = comments[(int)parent].Id;
            db.Comments.Add(comments[i]);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The plan's topics by position: existing rows are reused by name, the rest are added.</summary>
    private static async Task<Topic[]> TopicsAsync(SocialStoreDbContext db, SeedPlan plan, CancellationToken cancellationToken)
    {
        var existing = await db.Topics.ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);
        return plan.TopicNames.Select(name =>
        {
            if (existing.TryGetValue(name, out var topic)) return topic;
            topic = new Topic { Name = name, CreatedAt = plan.Now - TimeSpan.FromDays(400) };
            db.Topics.Add(topic);
            return topic;
        }).ToArray();
    }

    /// <summary>The plan's categories by position: existing rows are reused by slug; new roots are saved before their children.</summary>
    private static async Task<Category[]> CategoriesAsync(SocialStoreDbContext db, SeedPlan plan, CancellationToken cancellationToken)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
        var result = new Category[plan.Categories.Count];
        foreach (var level in plan.Categories.GroupBy(c => c.ParentIndex is null ? 0 : 1).OrderBy(g => g.Key))
        {
            foreach (var seed in level)
            {
                if (!existing.TryGetValue(seed.Slug, out var category))
                {
                    category = new Category
                    {
                        Slug = seed.Slug,
                        NameZh = seed.NameZh,
                        NameEn = seed.NameEn,
                        SortOrder = seed.SortOrder,
                        ParentId = seed.ParentIndex is { } parent ? result[parent].Id : null,
                    };
                    db.Categories.Add(category);
                }
                result[seed.Index] = category;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }
}
