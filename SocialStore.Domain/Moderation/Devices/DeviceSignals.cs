using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Referrals.Invites;

namespace SocialStore.Domain.Moderation.Devices;

/// <summary>
/// Same-device signals (ADR-055): two accounts seen on one device that join the same group buy, or an invitee
/// who signs in on their inviter's device, raise an automatic flag on the account — a reviewable with its own
/// weight (ADR-038). Never a sanction, and nothing (seat, reward) is withheld: a moderator decides.
/// </summary>
public static class DeviceSignals
{
    /// <summary>What one device signal adds to the account's score: evidence for a moderator, never enough to act alone.</summary>
    public const double FlagWeight = 2;

    /// <summary>A well-formed device id: 32 random bytes, base64url (43 characters).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 43 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a device id: a database copy cannot be turned back into a cookie.</summary>
    public static string KeyOf(string deviceId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(deviceId)));

    /// <summary>
    /// Records a sign-in (or sign-up) of <paramref name="userId"/> on a device, and on the first sighting of the
    /// pair checks the invite signal both ways: this account invited by someone seen on this device, or invited
    /// someone seen on it. Returns whether the pair was new.
    /// </summary>
    public static async Task<bool> RecordSignInAsync(SocialStoreDbContext db, string deviceId, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var key = KeyOf(deviceId);
        var fresh = await UniqueInsert.TryInsertAsync(db, new DeviceSighting { DeviceKey = key, UserId = userId, FirstSeenAt = now, LastSeenAt = now }, ct);
        if (!fresh)
        {
            await db.Set<DeviceSighting>().Where(d => d.DeviceKey == key && d.UserId == userId && d.LastSeenAt < now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now), ct);
            return false;
        }
        var onDevice = db.Set<DeviceSighting>().Where(d => d.DeviceKey == key && d.UserId != userId).Select(d => d.UserId);
        var bindings = await db.Set<InviteBinding>().AsNoTracking()
            .Where(b => (b.InviteeId == userId && onDevice.Contains(b.InviterId)) || (b.InviterId == userId && onDevice.Contains(b.InviteeId)))
            .Select(b => new { b.InviteeId, b.InviterId }).ToListAsync(ct);
        foreach (var b in bindings)
            await RaiseAsync(db, b.InviteeId, ScreenReason.SelfInvite, [await HandleAsync(db, b.InviterId, ct)], now, ct);
        return true;
    }

    /// <summary>
    /// Called from <see cref="OrderHooks"/>: when a group-buy member's order is paid, the other members of the
    /// group (held or paid seats) who share a device with the payer raise one flag on the payer.
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to != OrderStatus.Paid) return;
        var member = await db.GroupBuyMembers.AsNoTracking().Where(m => m.OrderId == orderId)
            .Select(m => new { m.GroupId, m.UserId }).FirstOrDefaultAsync(ct);
        if (member is null) return;
        var devices = db.Set<DeviceSighting>().Where(d => d.UserId == member.UserId).Select(d => d.DeviceKey);
        var others = await db.GroupBuyMembers.AsNoTracking()
            .Where(m => m.GroupId == member.GroupId && m.UserId != member.UserId
                && (m.Status == GroupBuyMemberStatus.Held || m.Status == GroupBuyMemberStatus.Paid)
                && db.Set<DeviceSighting>().Any(d => d.UserId == m.UserId && devices.Contains(d.DeviceKey)))
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        if (others.Count == 0) return;
        var evidence = new List<string> { "#" + member.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var other in others.Order(StringComparer.Ordinal)) evidence.Add(await HandleAsync(db, other, ct));
        await RaiseAsync(db, member.UserId, ScreenReason.SameDeviceGroup, evidence, now, ct);
    }

    /// <summary>One flag per account, reason and evidence: the same pair seen again adds nothing to the score.</summary>
    private static async Task RaiseAsync(SocialStoreDbContext db, string userId, ScreenReason reason, IReadOnlyList<string> evidence, DateTimeOffset now, CancellationToken ct)
    {
        var terms = string.Join('\n', evidence);
        var seen = await (from f in db.Set<ScreeningFlag>()
                          join r in db.Set<Reviewable>() on f.ReviewableId equals r.Id
                          where r.TargetType == ReportTargetType.User && r.TargetKey == userId && f.Reason == reason && f.Terms == terms
                          select f.Id).AnyAsync(ct);
        if (seen) return;
        await ContentScreen.RaiseFlagAsync(db, ReportTargetType.User, userId, userId, ScreenAction.Flag, reason, evidence, FlagWeight, hold: false, now, ct);
    }

    private static async Task<string> HandleAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        "@" + await db.Users.Where(u => u.Id == userId).Select(u => u.Handle).SingleAsync(ct);
}

/// <summary>The sign-in side of <see cref="DeviceSignals"/>, one transaction per sign-in.</summary>
public sealed class DeviceSignalService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public Task<bool> RecordSignInAsync(string deviceId, string userId, CancellationToken cancellationToken)
    {
        if (!DeviceSignals.IsWellFormedId(deviceId)) return Task.FromResult(false);
        return DbTransactions.RunAsync(dbFactory, (db, ct) => DeviceSignals.RecordSignInAsync(db, deviceId, userId, clock.GetUtcNow(), ct), cancellationToken);
    }
}
