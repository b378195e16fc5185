using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

/// <summary>
/// "People who bought this also bought" (issue 16 §3), precomputed: <see cref="Buyers"/> distinct buyers paid for both
/// <see cref="ProductId"/> and <see cref="OtherProductId"/> (in any of their paid, not cancelled orders). Only pairs
/// with at least <see cref="AlsoBoughtRefresher.MinBuyers"/> co-buyers are stored; the table is rebuilt by
/// <see cref="AlsoBoughtWorker"/>.
/// </summary>
public class AlsoBought
{
    public long ProductId { get; set; }

    public long OtherProductId { get; set; }

    public int Buyers { get; set; }
}

public sealed class AlsoBoughtConfiguration : IEntityTypeConfiguration<AlsoBought>
{
    public void Configure(EntityTypeBuilder<AlsoBought> builder)
    {
        builder.HasKey(a => new { a.ProductId, a.OtherProductId });
    }
}

public sealed record AlsoBoughtItem(long ProductId, string Title, decimal Price, string Currency, string CoverKey, int Buyers);
