using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Moderation.Devices;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Domain.GroupBuys;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>ADR-055: same-device signals raise an automatic flag on the account for a moderator, never a sanction.</summary>
public sealed class DeviceSignalTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(double Score, string[] Flags)> UserFlagsAsync(IDbContextFactory<SocialStoreDbContext> factory, string userId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var r = await db.Set<Reviewable>().AsNoTracking().FirstOrDefaultAsync(x => x.TargetType == ReportTargetType.User && x.TargetKey == userId);
        if (r is null) return (0, []);
        var flags = await db.Set<ScreeningFlag>().Where(f => f.ReviewableId == r.Id).OrderBy(f => f.Id).Select(f => f.Reason + ":" + f.Terms).ToListAsync();
        return (r.Score, [.. flags]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_InviteeOnTheInvitersDevice_FlagsTheInviteeOnce_NoSanction(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var devices = new DeviceSignalService(bed.Db.Factory, bed.Clock);
        var invites = new InviteService(bed.Db.Factory, bed.Clock, Options.Create(new InviteOptions()));
        var inviter = await bed.UserAsync("inviter", ageDays: 100);
        var selfInvited = await bed.UserAsync("alt");
        var honest = await bed.UserAsync("friend");
        var code = await invites.CodeForAsync(inviter.Id, None);
        await invites.BindAtSignUpAsync(selfInvited.Id, code, None);
        await invites.BindAtSignUpAsync(honest.Id, code, None);
        var phone = DeviceSignals.NewId();
        var friendsPhone = DeviceSignals.NewId();

        Assert.True(await devices.RecordSignInAsync(phone, inviter.Id, None));
        Assert.True(await devices.RecordSignInAsync(phone, selfInvited.Id, None));
        Assert.True(await devices.RecordSignInAsync(friendsPhone, honest.Id, None));
        // Signing in again on the same device adds no second flag.
        Assert.False(await devices.RecordSignInAsync(phone, selfInvited.Id, None));
        Assert.False(await devices.RecordSignInAsync(phone, inviter.Id, None));
        Assert.False(await devices.RecordSignInAsync("not-a-device-id", honest.Id, None));

        var (score, flags) = await UserFlagsAsync(bed.Db.Factory, selfInvited.Id);
        Assert.Equal(DeviceSignals.FlagWeight, score);
        Assert.Equal(["SelfInvite:@inviter"], flags);
        Assert.Empty((await UserFlagsAsync(bed.Db.Factory, honest.Id)).Flags);
        Assert.Empty((await UserFlagsAsync(bed.Db.Factory, inviter.Id)).Flags);
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<UserSanction>().CountAsync()));
        Assert.Equal(3, await bed.QueryAsync(db => db.Set<DeviceSighting>().CountAsync()));
        // The device id itself is never stored, only its hash.
        Assert.False(await bed.QueryAsync(db => db.Set<DeviceSighting>().AnyAsync(d => d.DeviceKey == phone)));
        var queue = await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(Source: QueueSourceFilter.Automatic), None);
        Assert.Equal($"User:{selfInvited.Id}", $"{Assert.Single(queue.Items).TargetType}:{queue.Items[0].TargetKey}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GroupBuy_TwoAccountsOfOneDeviceInOneGroup_FlagsThePayer_TheSeatIsKept(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var devices = new DeviceSignalService(bed.Factory, bed.Clock);
        var campaign = await bed.CampaignAsync(size: 3);
        var (groupId, leader, _) = await bed.OpenGroupAsync(campaign);
        var second = await bed.BuyerAsync("second_acct");
        var stranger = await bed.BuyerAsync("stranger");
        var phone = DeviceSignals.NewId();
        await devices.RecordSignInAsync(phone, leader, None);
        await devices.RecordSignInAsync(phone, second, None);
        await devices.RecordSignInAsync(DeviceSignals.NewId(), stranger, None);

        var secondOrder = await bed.Service.JoinAsync(second, groupId, GroupBuyTestBed.Key(), None);
        await bed.PayAsync(second, secondOrder);
        var strangerOrder = await bed.Service.JoinAsync(stranger, groupId, GroupBuyTestBed.Key(), None);
        await bed.PayAsync(stranger, strangerOrder);

        await using var db = await bed.Factory.CreateDbContextAsync();
        var leaderHandle = await db.Users.Where(u => u.Id == leader).Select(u => u.Handle).SingleAsync();
        var (score, flags) = await UserFlagsAsync(bed.Factory, second);
        Assert.Equal(DeviceSignals.FlagWeight, score);
        Assert.Equal([$"SameDeviceGroup:#{groupId}\n@{leaderHandle}"], flags);
        Assert.Empty((await UserFlagsAsync(bed.Factory, stranger)).Flags);
        // Nothing is withheld: the group completes with all three seats paid, and nobody is sanctioned.
        Assert.Equal(GroupBuyStatus.Succeeded, (await bed.GroupAsync(groupId)).Status);
        Assert.Equal(3, await db.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Paid));
        Assert.Equal(0, await db.Set<UserSanction>().CountAsync());
    }
}
