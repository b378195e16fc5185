using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Social;

// Foreign keys to users never cascade (SQL Server rejects multiple cascade paths, and a
// deleted account is anonymised, not removed); children of a note cascade from the note.
public sealed class NoteLikeConfiguration : IEntityTypeConfiguration<NoteLike>
{
    public void Configure(EntityTypeBuilder<NoteLike> builder)
    {
        builder.HasKey(l => new { l.NoteId, l.UserId });
        builder.HasOne<Note>().WithMany().HasForeignKey(l => l.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
    }
}

public sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Board.NameMaxLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.OwnerId, b.Name }).IsUnique();
    }
}

public sealed class CollectConfiguration : IEntityTypeConfiguration<Collect>
{
    public void Configure(EntityTypeBuilder<Collect> builder)
    {
        builder.HasKey(c => new { c.NoteId, c.UserId });
        builder.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Board>().WithMany().HasForeignKey(c => c.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BoardId, c.CreatedAt });
    }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Body).HasMaxLength(2000).IsRequired();
        builder.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.NoteId, c.CreatedAt });
    }
}

public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.HasKey(f => new { f.FollowerId, f.FolloweeId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.FolloweeId);
    }
}

public sealed class CommentLikeConfiguration : IEntityTypeConfiguration<CommentLike>
{
    public void Configure(EntityTypeBuilder<CommentLike> builder)
    {
        builder.HasKey(l => new { l.CommentId, l.UserId });
        builder.HasOne<Comment>().WithMany().HasForeignKey(l => l.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
