using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(8000).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.CoverKey).HasMaxLength(200);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Images).WithOne().HasForeignKey(i => i.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Topics).WithOne(t => t.Note).HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Images).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(n => n.Topics).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Keyset paging of the newest-first feed, and of an author's notes.
        builder.HasIndex(n => new { n.Status, n.CreatedAt, n.Id });
        builder.HasIndex(n => new { n.AuthorId, n.CreatedAt });
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
