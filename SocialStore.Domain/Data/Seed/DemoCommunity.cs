using Microsoft.EntityFrameworkCore;

namespace SocialStore.Domain.Data.Seed;

/// <summary>
/// Whether the database holds the generated community (the demo set or the benchmark volume), so the site can say
/// it is a demo (ADR-028). The marker is what the seeder writes and sign-up cannot: people at the seeder's reserved
/// e-mail domains without a password. Looked up once per process and cached: pages pay no round trip for it, and
/// anonymous pages in the output cache carry the same answer. Start-up seeding runs before the first request;
/// a database seeded by another process is noticed at the next start.
/// </summary>
public sealed class DemoCommunity(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    private static readonly string[] Markers = SeedScaleOptions.EmailDomains.Select(d => "@" + d.ToUpperInvariant()).ToArray();

    private const int Unknown = 0, Absent = 1, Present = 2;

    private int state = Unknown;

    public async Task<bool> IsPresentAsync(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref state);
        if (known != Unknown) return known == Present;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (demo, bench) = (Markers[0], Markers[1]);
        var present = await db.Users.AnyAsync(
            u => u.PasswordHash == null && (u.NormalizedEmail!.EndsWith(demo) || u.NormalizedEmail!.EndsWith(bench)), cancellationToken);
        Volatile.Write(ref state, present ? Present : Absent);
        return present;
    }
}
