using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.RedPackets;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.RedPackets;

/// <summary>A migrated database, a clock the test moves, the red-packet service with a seeded split, and an admin.</summary>
public sealed class RedPacketTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    private RedPacketTestBed(TestDatabase db, ClaimsPrincipal admin, int seed)
    {
        Db = db;
        Admin = admin;
        Clock = new FakeTimeProvider(Start);
        Service = new RedPacketService(db.Factory, Clock, new RedPacketRandom(new Random(seed)));
    }

    public TestDatabase Db { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Db.Factory;

    public ClaimsPrincipal Admin { get; }

    public FakeTimeProvider Clock { get; }

    public RedPacketService Service { get; }

    public static async Task<RedPacketTestBed> CreateAsync(DatabaseProvider provider, int seed = 7)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var admin = await TestData.UserAsync(db.Factory, "rpadmin" + Guid.NewGuid().ToString("N")[..8]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        return new RedPacketTestBed(db, principal, seed);
    }

    public async Task<string> UserAsync() => (await TestData.UserAsync(Factory, "u" + Guid.NewGuid().ToString("N")[..10])).Id;

    public Task<long> PacketAsync(int slots = 10, decimal total = 20m, int hours = 24, string title = "新年拼手气红包") =>
        Service.CreateAsync(Admin, new RedPacketInput(title, slots, total, hours), default);

    public async Task<List<RedPacketSlot>> SlotsAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.RedPacketSlots.AsNoTracking().Where(s => s.PacketId == id).OrderBy(s => s.Seq).ToListAsync();
    }

    public async Task<RedPacket> PacketRowAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.RedPackets.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
