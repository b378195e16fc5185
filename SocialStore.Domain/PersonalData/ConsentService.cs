using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.PersonalData;

/// <summary>Settings of the "Privacy:Consent" section: the versions of the documents a new account agrees to.</summary>
public sealed class ConsentOptions
{
    public const string Section = "Privacy:Consent";

    public string TermsVersion { get; set; } = "2026-12";

    public string PrivacyVersion { get; set; } = "2026-12";
}

public sealed record ConsentRecord(ConsentKind Kind, string Version, bool Granted, DateTimeOffset At);

/// <summary>Writes and reads consent records (ADR-051): append-only, one row per grant or withdrawal.</summary>
public sealed class ConsentService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<ConsentOptions> options)
{
    public const int HistoryLength = 10;

    public string TermsVersion => options.Value.TermsVersion;

    public string PrivacyVersion => options.Value.PrivacyVersion;

    /// <summary>The terms and the privacy policy, at their configured versions, agreed to at sign-up.</summary>
    public async Task RecordRegistrationAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Consents.Add(new Consent { UserId = userId, Kind = ConsentKind.Terms, Version = Trim(TermsVersion), Granted = true, At = now });
        db.Consents.Add(new Consent { UserId = userId, Kind = ConsentKind.Privacy, Version = Trim(PrivacyVersion), Granted = true, At = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The personalisation switch turned on (granted) or off (withdrawn).</summary>
    public async Task RecordPersonalisationAsync(string userId, bool granted, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Consents.Add(new Consent { UserId = userId, Kind = ConsentKind.Personalisation, Version = "", Granted = granted, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest records first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<ConsentRecord>> HistoryAsync(string userId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Consents.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.Kind, c.Version, c.Granted, c.At }).ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset stored as ticks through every provider the same way.
        return rows.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new ConsentRecord(c.Kind, c.Version, c.Granted, c.At)).ToList();
    }

    private static string Trim(string version) => version.Length <= Consent.VersionMaxLength ? version : version[..Consent.VersionMaxLength];
}
