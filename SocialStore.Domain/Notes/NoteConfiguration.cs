using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Note.TitleStoredMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Note.BodyStoredMaxLength).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.CoverKey).HasMaxLength(200);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Images).WithOne().HasForeignKey(i => i.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Topics).WithOne(t => t.Note).HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Products).WithOne().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.StatusBeforeDelete).HasConversion<string>().HasMaxLength(16);
        builder.Navigation(n => n.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(n => n.Images).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(n => n.Topics).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Keyset paging of the newest-first feed, and of an author's notes.
        builder.HasIndex(n => new { n.Status, n.CreatedAt, n.Id });
        builder.HasIndex(n => new { n.AuthorId, n.CreatedAt });
        // Keyset paging of Discover by rank.
        builder.HasIndex(n => new { n.Status, n.HotScore, n.Id });
    }
}

public sealed class NoteImageConfiguration : IEntityTypeConfiguration<NoteImage>
{
    public void Configure(EntityTypeBuilder<NoteImage> builder)
    {
        builder.Property(i => i.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Alt).HasMaxLength(NoteImage.AltMaxLength);
        builder.HasIndex(i => new { i.NoteId, i.Position }).IsUnique();
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Topic.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

public sealed class NoteTopicConfiguration : IEntityTypeConfiguration<NoteTopic>
{
    public void Configure(EntityTypeBuilder<NoteTopic> builder)
    {
        builder.HasKey(t => new { t.NoteId, t.TopicId });
        builder.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.TopicId);
    }
}

public sealed class NoteProductConfiguration : IEntityTypeConfiguration<NoteProduct>
{
    public void Configure(EntityTypeBuilder<NoteProduct> builder)
    {
        builder.HasKey(p => new { p.NoteId, p.ProductId });
        builder.HasOne<SocialStore.Domain.Catalog.Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ProductId);
    }
}
