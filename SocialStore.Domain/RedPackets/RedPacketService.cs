using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.RedPackets;

/// <summary>The randomness of the split (a shared, locked <see cref="Random"/>; tests pass a seeded one).</summary>
public sealed class RedPacketRandom(Random random)
{
    public RedPacketRandom() : this(Random.Shared)
    {
    }

    public IReadOnlyList<decimal> Split(decimal total, int slots)
    {
        lock (random) return RedPacketSplit.Split(total, slots, random.Next);
    }
}

/// <summary>A new group red packet as the back office enters it.</summary>
public sealed record RedPacketInput(string Title, int Slots, decimal Total, int Hours);

public sealed record RedPacketClaim(int Seq, decimal Amount, long CouponId);

public sealed record RedPacketSlotView(int Seq, string Name, decimal Amount, DateTimeOffset ClaimedAt);

/// <summary>The packet's page: claimed slots with names and amounts, slots left, and the viewer's own slot.</summary>
public sealed record RedPacketView(
    long Id, string Title, int Slots, decimal Total, int Claimed, decimal ClaimedAmount, DateTimeOffset ExpiresAt, bool Expired,
    decimal? ReturnedAmount, IReadOnlyList<RedPacketSlotView> ClaimedSlots, RedPacketSlotView? Mine)
{
    public int SlotsLeft => Slots - Claimed;
}

/// <summary>A packet with its figures, counted from the slot rows.</summary>
public sealed record RedPacketFigures(
    long Id, string Title, int Slots, decimal Total, int Claimed, decimal ClaimedAmount, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ReturnedAt, decimal? ReturnedAmount);

/// <summary>
/// Group red packets (ADR-050). Creating splits the total into slots at once. A claim is one transaction: the
/// packet's <see cref="RedPacket.Claimed"/> goes up by one conditional update (<c>WHERE Claimed &lt; Slots AND
/// ExpiresAt &gt; now</c>) whose affected-row count decides and whose row lock queues the claims; the claim then takes
/// slot number <c>Claimed</c> with a conditional update on the slot (UNIQUE(packet, user) turns a person's second
/// claim into a rollback) and puts a no-threshold coupon of the slot's amount in the claimer's wallet. At expiry the
/// unclaimed amount goes back to the platform once: the first reader to set <see cref="RedPacket.ReturnedAt"/> wins.
/// </summary>
public sealed class RedPacketService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, RedPacketRandom random)
{
    public async Task<long> CreateAsync(ClaimsPrincipal actor, RedPacketInput input, CancellationToken ct)
    {
        var adminId = Roles.RequireAdmin(actor, RedPacketErrors.AdminOnly);
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > RedPacket.TitleMaxLength) throw new DomainException(RedPacketErrors.TitleInvalid, RedPacket.TitleMaxLength);
        if (input.Slots is < 1 or > RedPacket.MaxSlots) throw new DomainException(RedPacketErrors.SlotsInvalid, RedPacket.MaxSlots);
        if (input.Total != decimal.Round(input.Total, 2) || input.Total < 0.01m * input.Slots || input.Total > RedPacket.MaxTotal)
            throw new DomainException(RedPacketErrors.TotalInvalid, Money.Plain(0.01m * input.Slots), Money.Plain(RedPacket.MaxTotal));
        if (input.Hours is < 1 or > RedPacket.MaxHours) throw new DomainException(RedPacketErrors.ExpiryInvalid, RedPacket.MaxHours);

        var now = clock.GetUtcNow();
        var amounts = random.Split(input.Total, input.Slots);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var packet = new RedPacket
        {
            Title = title,
            CreatedBy = adminId,
            Slots = input.Slots,
            Total = input.Total,
            CreatedAt = now,
            ExpiresAt = now.AddHours(input.Hours),
        };
        db.RedPackets.Add(packet);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < amounts.Count; i++) db.RedPacketSlots.Add(new RedPacketSlot { PacketId = packet.Id, Seq = i + 1, Amount = amounts[i] });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return packet.Id;
    }

    /// <summary>Takes the next free slot for a person; the amount lands in "my coupons" as a no-threshold coupon.</summary>
    public async Task<RedPacketClaim> ClaimAsync(string userId, long packetId, CancellationToken ct)
    {
        try
        {
            return await DbTransactions.RunAsync(dbFactory, async (db, token) =>
            {
                var now = clock.GetUtcNow();
                var packet = await db.RedPackets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packetId, token)
                    ?? throw new DomainException(RedPacketErrors.NotFound);
                if (now >= packet.ExpiresAt) throw new DomainException(RedPacketErrors.Expired);
                if (await db.RedPacketSlots.AnyAsync(s => s.PacketId == packetId && s.ClaimedBy == userId, token))
                    throw new DomainException(RedPacketErrors.AlreadyClaimed);

                // The count, taken with one conditional update: of 100 parallel claims on 10 slots, 10 get one.
                var taken = await db.RedPackets
                    .Where(p => p.Id == packetId && p.Claimed < p.Slots && p.ExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Claimed, p => p.Claimed + 1), token);
                if (taken == 0) throw new DomainException(now >= packet.ExpiresAt ? RedPacketErrors.Expired : RedPacketErrors.AllClaimed);

                // The packet row is locked until commit, so the count read now is this claim's slot number.
                var seq = await db.RedPackets.Where(p => p.Id == packetId).Select(p => p.Claimed).SingleAsync(token);
                var slot = await db.RedPacketSlots.AsNoTracking().SingleAsync(s => s.PacketId == packetId && s.Seq == seq, token);

                var template = new CouponTemplate
                {
                    Name = packet.Title,
                    Kind = CouponKind.NoThreshold,
                    Amount = slot.Amount,
                    Scope = CouponScope.AllProducts,
                    StartsAt = now,
                    EndsAt = now.AddDays(RedPacket.CouponValidDays),
                    TotalLimit = 1,
                    Issued = 1,
                    PerUserLimit = 1,
                    GrantOnly = true,
                    CreatedAt = now,
                };
                var coupon = new Coupon
                {
                    Template = template,
                    UserId = userId,
                    ClaimSeq = 1,
                    Source = CouponSource.RedPacket,
                    State = CouponState.Available,
                    ClaimedAt = now,
                    ValidFrom = now,
                    ValidUntil = template.EndsAt,
                };
                db.Coupons.Add(coupon);
                await db.SaveChangesAsync(token);

                // The slot is taken only while free; UNIQUE(packet, user) refuses a second slot for the same person.
                var claimed = await db.RedPacketSlots
                    .Where(s => s.PacketId == packetId && s.Seq == seq && s.ClaimedBy == null)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.ClaimedBy, userId)
                        .SetProperty(x => x.ClaimedAt, now)
                        .SetProperty(x => x.CouponId, coupon.Id), token);
                if (claimed != 1) throw new InvalidOperationException($"Red packet {packetId} slot {seq} was not free.");
                return new RedPacketClaim(seq, slot.Amount, coupon.Id);
            }, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A parallel click of the same person took a slot of this packet; the rollback returned our count.
            throw new DomainException(RedPacketErrors.AlreadyClaimed);
        }
    }

    /// <summary>
    /// Returns what nobody claimed of an expired packet to the platform budget, exactly once: the conditional update
    /// on <see cref="RedPacket.ReturnedAt"/> decides, and only its winner records the amount. True for the winner.
    /// </summary>
    public async Task<bool> ReturnUnclaimedAsync(long packetId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await DbTransactions.RunAsync(dbFactory, async (db, token) =>
        {
            var won = await db.RedPackets.Where(p => p.Id == packetId && p.ReturnedAt == null && p.ExpiresAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReturnedAt, now), token);
            if (won == 0) return false;
            // No claim can commit after expiry (its conditional update needs ExpiresAt > now), and the packet row is ours.
            var unclaimed = await db.RedPacketSlots.Where(s => s.PacketId == packetId && s.ClaimedBy == null).Select(s => s.Amount).ToListAsync(token);
            var amount = unclaimed.Sum();
            await db.RedPackets.Where(p => p.Id == packetId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReturnedAmount, amount), token);
            return true;
        }, ct);
    }

    /// <summary>Settles every expired packet not yet returned (on read, from the back-office list); how many it settled.</summary>
    public async Task<int> ReturnExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.RedPackets.Where(p => p.ReturnedAt == null && p.ExpiresAt <= now).OrderBy(p => p.Id).Select(p => p.Id).Take(200).ToListAsync(ct);
        var settled = 0;
        foreach (var id in due)
            if (await ReturnUnclaimedAsync(id, ct)) settled++;
        return settled;
    }

    public async Task<RedPacketView?> ViewAsync(long packetId, string? viewerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var packet = await db.RedPackets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packetId, ct);
        if (packet is null) return null;
        if (now >= packet.ExpiresAt && packet.ReturnedAt is null)
        {
            await ReturnUnclaimedAsync(packetId, ct);
            packet = await db.RedPackets.AsNoTracking().SingleAsync(p => p.Id == packetId, ct);
        }
        var slots = await (from s in db.RedPacketSlots.AsNoTracking()
                           where s.PacketId == packetId && s.ClaimedBy != null
                           join u in db.Users on s.ClaimedBy equals u.Id
                           orderby s.Seq
                           select new { s.Seq, s.ClaimedBy, Name = u.DisplayName != "" ? u.DisplayName : u.UserName!, s.Amount, s.ClaimedAt }).ToListAsync(ct);
        var views = slots.Select(s => new RedPacketSlotView(s.Seq, s.Name, s.Amount, s.ClaimedAt!.Value)).ToList();
        var mine = viewerId is null ? null : slots.Where(s => s.ClaimedBy == viewerId).Select(s => new RedPacketSlotView(s.Seq, s.Name, s.Amount, s.ClaimedAt!.Value)).FirstOrDefault();
        return new RedPacketView(packet.Id, packet.Title, packet.Slots, packet.Total, views.Count, views.Sum(s => s.Amount), packet.ExpiresAt,
            now >= packet.ExpiresAt, packet.ReturnedAmount, views, mine);
    }

    /// <summary>Every packet with its figures (the newest 200), after settling the expired ones.</summary>
    public async Task<IReadOnlyList<RedPacketFigures>> FiguresAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, RedPacketErrors.AdminOnly);
        await ReturnExpiredAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var packets = await db.RedPackets.AsNoTracking().OrderByDescending(p => p.Id).Take(200).ToListAsync(ct);
        var ids = packets.Select(p => p.Id).ToList();
        var claimed = (await db.RedPacketSlots.AsNoTracking().Where(s => ids.Contains(s.PacketId) && s.ClaimedBy != null)
                .Select(s => new { s.PacketId, s.Amount }).ToListAsync(ct))
            .GroupBy(s => s.PacketId).ToDictionary(g => g.Key, g => (Count: g.Count(), Sum: g.Sum(s => s.Amount)));
        return [.. packets.Select(p =>
        {
            var c = claimed.GetValueOrDefault(p.Id);
            return new RedPacketFigures(p.Id, p.Title, p.Slots, p.Total, c.Count, c.Sum, p.CreatedAt, p.ExpiresAt, p.ReturnedAt, p.ReturnedAmount);
        })];
    }
}
