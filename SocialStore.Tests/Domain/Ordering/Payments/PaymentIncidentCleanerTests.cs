using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class PaymentIncidentCleanerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static async Task AddAsync(TestDatabase database, string? source, int count, DateTimeOffset at)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
            db.PaymentIncidents.Add(new PaymentIncident
            {
                Provider = "sandbox",
                Kind = PaymentIncidentKind.BadSignature,
                Body = new string('x', PaymentIncident.BodyMaxLength),
                Detail = $"#{i}",
                RemoteAddress = source,
                ReceivedAt = at + TimeSpan.FromSeconds(i),
            });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sweep_FloodFromOneSource_KeepsNewestPerSourceThenAgesOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var cleaner = new PaymentIncidentCleaner(database.Factory, clock,
            Options.Create(new PaymentIncidentOptions { KeepPerSource = 5, MaxAgeDays = 90, BatchSize = 4 }));
        await AddAsync(database, "203.0.113.9", 12, Start);
        await AddAsync(database, "198.51.100.7", 3, Start);
        await AddAsync(database, null, 6, Start);

        Assert.Equal(4, await cleaner.SweepAsync(default)); // one batch per round
        Assert.Equal(4, await cleaner.SweepAsync(default));
        Assert.Equal(0, await cleaner.SweepAsync(default));

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var flood = await db.PaymentIncidents.Where(i => i.RemoteAddress == "203.0.113.9").Select(i => i.Detail).ToListAsync();
            Assert.Equal(["#10", "#11", "#7", "#8", "#9"], flood.Order(StringComparer.Ordinal));
            Assert.Equal(3, await db.PaymentIncidents.CountAsync(i => i.RemoteAddress == "198.51.100.7"));
            Assert.Equal(5, await db.PaymentIncidents.CountAsync(i => i.RemoteAddress == null));
        }

        clock.Advance(TimeSpan.FromDays(80));
        await AddAsync(database, "198.51.100.7", 1, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var left = 5 + 3 + 5;
        while (await cleaner.SweepAsync(default) is var deleted and > 0) left -= deleted;
        Assert.Equal(0, left);
        await using (var db = await database.Factory.CreateDbContextAsync())
            Assert.Equal("198.51.100.7", (await db.PaymentIncidents.SingleAsync()).RemoteAddress); // the recent one stays
    }
}
