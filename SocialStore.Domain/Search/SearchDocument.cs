using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialStore.Domain.Search;

public enum SearchKind
{
    Note,
    Product,
    User,
    Topic,
}

/// <summary>
/// One searchable thing, its text already run through <see cref="SearchTokenizer"/> (space-separated
/// tokens), so every provider's full-text engine only has to split on spaces (ADR-013). Kept in the
/// same transaction as the row it describes by <see cref="SearchIndexInterceptor"/>.
/// </summary>
public class SearchDocument
{
    public const int TargetIdMaxLength = 450;

    public long Id { get; set; }

    public SearchKind Kind { get; set; }

    /// <summary>The key of the note, product, user or topic, as text (users have string keys).</summary>
    public string TargetId { get; set; } = "";

    /// <summary>Tokens of the title-like fields (title, brand, name, handle); weighted higher.</summary>
    public string TitleTerms { get; set; } = "";

    /// <summary>Tokens of the body-like fields (body, description, bio).</summary>
    public string BodyTerms { get; set; } = "";

    /// <summary>The tie-breaker after relevance: a note's hot score, a product's sales, a user's followers, a topic's notes.</summary>
    public double Engagement { get; set; }
}

public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("SearchDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.TargetId).HasMaxLength(SearchDocument.TargetIdMaxLength).IsRequired();
        builder.Property(d => d.TitleTerms).IsRequired();
        builder.Property(d => d.BodyTerms).IsRequired();
        builder.HasIndex(d => new { d.Kind, d.TargetId }).IsUnique();
    }
}
