using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Moderation.Engagement;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation.Engagement;

public sealed class EngagementFindingServiceTests
{
    private static EngagementFindingService Service(ModerationTestBed bed) =>
        new(bed.Db.Factory, bed.Clock, Options.Create(new EngagementOptions { MinActs = 2, BurstMinLikes = 4 }));

    /// <summary>Three accounts, two notes each, every one liking every other's notes; one outsider likes a ring note.</summary>
    private static async Task<(List<string> Ring, List<long> Notes, string Outsider)> RingAsync(ModerationTestBed bed)
    {
        var ring = new List<string>();
        var notes = new List<long>();
        foreach (var handle in new[] { "ring_a", "ring_b", "ring_c" })
        {
            var user = await bed.UserAsync(handle, ageDays: 200);
            ring.Add(user.Id);
            for (var i = 0; i < 2; i++)
                notes.Add((await TestData.NoteAsync(bed.Db.Factory, user.Id, $"{handle} 笔记 {i}", at: ModerationTestBed.Now.AddDays(-3))).Id);
        }
        var authorOf = new Dictionary<long, string>();
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            foreach (var n in await db.Notes.Where(n => notes.Contains(n.Id)).Select(n => new { n.Id, n.AuthorId }).ToListAsync()) authorOf[n.Id] = n.AuthorId;
        foreach (var liker in ring)
            foreach (var note in notes.Where(n => authorOf[n] != liker))
                await bed.Likes.LikeNoteAsync(liker, note, CancellationToken.None);
        var outsider = await bed.UserAsync("outsider", ageDays: 200);
        await bed.Likes.LikeNoteAsync(outsider.Id, notes[0], CancellationToken.None);
        return (ring, notes, outsider.Id);
    }

    private static Task<(int Likes, double Hot, DateTimeOffset CreatedAt)> NoteAsync(ModerationTestBed bed, long noteId) =>
        bed.QueryAsync(async db =>
        {
            var n = await db.Notes.Where(x => x.Id == noteId).Select(x => new { x.LikeCount, x.HotScore, x.CreatedAt }).SingleAsync();
            return (n.LikeCount, n.HotScore, n.CreatedAt);
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Share_OnANoteOfAConfirmedRing_KeepsTheRingsLikesOutOfTheHotScore(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        var (ring, notes, _) = await RingAsync(bed);
        await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        await service.DecideAsync(bed.Mod1Principal, finding.Id, confirm: true, "互赞小组", CancellationToken.None);
        var shares = SocialStore.Tests.Infrastructure.TestServices.Get<SocialStore.Domain.Sharing.ShareService>(bed.Db, bed.Clock);
        var code = (await shares.GetOrCreateLinkAsync(ring[1], SocialStore.Domain.Sharing.ShareTargetType.Note, notes[0].ToString(), CancellationToken.None)).Code;

        var visit = await shares.RecordVisitAsync(code, null, null);

        Assert.True(visit!.Counted);
        var shared = await bed.QueryAsync(db => db.Notes.Where(n => n.Id == notes[0]).Select(n => new { n.LikeCount, n.ShareCount, n.HotScore, n.CreatedAt }).SingleAsync());
        Assert.Equal(3, shared.LikeCount);
        Assert.Equal(1, shared.ShareCount);
        // One share and the outsider's like: the two ring likes stay discounted.
        Assert.Equal(Ranking.HotScore(1, 0, 0, 1, shared.CreatedAt), shared.HotScore, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scan_RingThenConfirm_DiscountsTheRingFromTheHotScore_CountersKeepRealRows(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        var (ring, notes, _) = await RingAsync(bed);
        var before = await NoteAsync(bed, notes[0]);

        var scan = await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);
        var again = await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);

        Assert.Equal(1, scan.Rings);
        Assert.Equal(1, scan.New);
        Assert.Equal(0, again.New);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        Assert.Equal(FindingKind.Ring, finding.Kind);
        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Equal(ring.Order(StringComparer.Ordinal), finding.Members.Select(m => m.UserId).Order(StringComparer.Ordinal));
        Assert.All(finding.Members, m => Assert.Equal(4, m.Internal));
        Assert.Equal(3, before.Likes); // two ring members and the outsider

        await service.DecideAsync(bed.Mod1Principal, finding.Id, confirm: true, "互赞小组", CancellationToken.None);

        var after = await NoteAsync(bed, notes[0]);
        Assert.Equal(3, after.Likes);
        Assert.Equal(Ranking.HotScore(1, 0, 0, 0, after.CreatedAt), after.Hot, 9);
        Assert.True(after.Hot < before.Hot);
        var other = await NoteAsync(bed, notes[1]);
        Assert.Equal(2, other.Likes);
        Assert.Equal(Ranking.HotScore(0, 0, 0, 0, other.CreatedAt), other.Hot, 9);
        var audit = await bed.QueryAsync(db => db.AuditLog.Where(a => a.Action == EngagementFindingService.AuditConfirm).ToListAsync());
        Assert.Equal(bed.Mod1.Id, Assert.Single(audit).ActorId);
        Assert.Equal(FindingStatus.Confirmed, Assert.Single(await service.ListAsync(bed.Mod1Principal, FindingStatus.Confirmed, CancellationToken.None)).Status);
        // Never a sanction on one signal: the members can still like.
        Assert.False(await bed.QueryAsync(db => db.Set<UserSanction>().AnyAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirmed_ALaterLikeFromAMember_StaysDiscounted_AnOutsiderCounts(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        var (ring, notes, outsider) = await RingAsync(bed);
        await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        await service.DecideAsync(bed.Mod1Principal, finding.Id, confirm: true, null, CancellationToken.None);

        await bed.Likes.UnlikeNoteAsync(ring[1], notes[0], CancellationToken.None);
        await bed.Likes.LikeNoteAsync(ring[1], notes[0], CancellationToken.None);
        await bed.Likes.LikeNoteAsync(outsider, notes[1], CancellationToken.None);

        var first = await NoteAsync(bed, notes[0]);
        var second = await NoteAsync(bed, notes[1]);
        Assert.Equal(3, first.Likes);
        Assert.Equal(Ranking.HotScore(1, 0, 0, 0, first.CreatedAt), first.Hot, 9);
        Assert.Equal(3, second.Likes);
        Assert.Equal(Ranking.HotScore(1, 0, 0, 0, second.CreatedAt), second.Hot, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clear_ChangesNothing_AndIsAudited(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        var (_, notes, _) = await RingAsync(bed);
        await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        var before = await NoteAsync(bed, notes[0]);

        await service.DecideAsync(bed.Mod2Principal, finding.Id, confirm: false, "真实好友", CancellationToken.None);

        Assert.Equal(before, await NoteAsync(bed, notes[0]));
        Assert.Equal(FindingStatus.Cleared, Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None)).Status);
        Assert.Equal(1, await bed.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == EngagementFindingService.AuditClear && a.ActorId == bed.Mod2.Id)));
        // A cleared finding is not found again by the next scan.
        Assert.Equal(0, (await service.ScanAsync(CancellationToken.None)).New);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_TwoModeratorsAtOnce_OneWins_TheOtherIsToldItIsDecided(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        await RingAsync(bed);
        await service.ScanAsync(bed.Mod1Principal, CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));

        var results = await Task.WhenAll(
            Attempt(() => service.DecideAsync(bed.Mod1Principal, finding.Id, confirm: true, null, CancellationToken.None)),
            Attempt(() => service.DecideAsync(bed.Mod2Principal, finding.Id, confirm: false, null, CancellationToken.None)));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == EngagementErrors.AlreadyDecided);
        Assert.Equal(1, await bed.QueryAsync(db => db.AuditLog.CountAsync(a => a.TargetType == EngagementFindingService.AuditTarget)));

        static async Task<string?> Attempt(Func<Task> work)
        {
            try
            {
                await work();
                return null;
            }
            catch (DomainException ex)
            {
                return ex.Code;
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scan_BurstOfNewAccounts_IsFound_ConfirmDiscountsItsLikes(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        for (var i = 0; i < 4; i++)
        {
            var fresh = await bed.UserAsync($"fresh{i}", ageDays: 1);
            await bed.Likes.LikeNoteAsync(fresh.Id, bed.NoteId, CancellationToken.None);
        }

        var scan = await service.ScanAsync(CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        await service.DecideAsync(bed.Mod1Principal, finding.Id, confirm: true, null, CancellationToken.None);

        Assert.Equal(1, scan.Bursts);
        Assert.Equal(FindingKind.Burst, finding.Kind);
        Assert.Equal(bed.NoteId, finding.NoteId);
        Assert.Equal(4, finding.Evidence.Likes);
        var note = await NoteAsync(bed, bed.NoteId);
        Assert.Equal(4, note.Likes);
        Assert.Equal(Ranking.HotScore(0, 0, 0, 0, note.CreatedAt), note.Hot, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NonStaff_CannotScanListOrDecide_NoteTooLong_ChangesNothing(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var service = Service(bed);
        await RingAsync(bed);
        await service.ScanAsync(CancellationToken.None);
        var finding = Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None));
        var shopper = ModerationTestBed.Principal(bed.Author.Id);

        Assert.Equal(ModerationErrors.StaffOnly, (await Assert.ThrowsAsync<DomainException>(() => service.ScanAsync(shopper, CancellationToken.None))).Code);
        Assert.Equal(ModerationErrors.StaffOnly, (await Assert.ThrowsAsync<DomainException>(() => service.ListAsync(shopper, null, CancellationToken.None))).Code);
        Assert.Equal(ModerationErrors.StaffOnly, (await Assert.ThrowsAsync<DomainException>(() => service.DecideAsync(shopper, finding.Id, true, null, CancellationToken.None))).Code);
        Assert.Equal(EngagementErrors.NoteTooLong, (await Assert.ThrowsAsync<DomainException>(
            () => service.DecideAsync(bed.Mod1Principal, finding.Id, true, new string('长', EngagementFinding.NoteMaxLength + 1), CancellationToken.None))).Code);
        Assert.Equal(EngagementErrors.FindingNotFound, (await Assert.ThrowsAsync<DomainException>(
            () => service.DecideAsync(bed.Mod1Principal, finding.Id + 1000, true, null, CancellationToken.None))).Code);
        Assert.Equal(FindingStatus.Open, Assert.Single(await service.ListAsync(bed.Mod1Principal, null, CancellationToken.None)).Status);
    }
}
