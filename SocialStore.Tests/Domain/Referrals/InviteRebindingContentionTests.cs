using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>
/// Two admin rebindings at once must not close a loop that neither closes alone (ADR-062): each locks its invitee and
/// the ancestor chain it walks, so the second sees the first's edge. SQLite and PostgreSQL.
/// </summary>
public class InviteRebindingContentionTests
{
    private const int Rounds = 6;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rebind_TwoAtOnceThatTogetherCloseALoop_OneIsRefused_NoLoopInTheData(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = new InviteService(r.Factory, r.Bed.Clock, Options.Create(new InviteOptions()));

        for (var round = 0; round < Rounds; round++)
        {
            // A two-loop: x under y and y under x, at once.
            var x = await r.Bed.UserAsync($"x{round}");
            var y = await r.Bed.UserAsync($"y{round}");
            var pair = await RaceAsync(() => invites.RebindAsync(r.AdminPrincipal, x.Handle, y.Handle, default), () => invites.RebindAsync(r.AdminPrincipal, y.Handle, x.Handle, default));
            Assert.Equal(["ok", InviteErrors.Cycle], pair.OrderByDescending(o => o == "ok"));

            // A four-loop of two edges whose ends share no row: b1 under a2 and b2 under a1 already; then a1 under b1
            // and a2 under b2 at once would make a1 → b1 → a2 → b2 → a1.
            var a1 = await r.Bed.UserAsync($"a1r{round}");
            var b1 = await r.Bed.UserAsync($"b1r{round}");
            var a2 = await r.Bed.UserAsync($"a2r{round}");
            var b2 = await r.Bed.UserAsync($"b2r{round}");
            await invites.RebindAsync(r.AdminPrincipal, b1.Handle, a2.Handle, default);
            await invites.RebindAsync(r.AdminPrincipal, b2.Handle, a1.Handle, default);
            var four = await RaceAsync(() => invites.RebindAsync(r.AdminPrincipal, a1.Handle, b1.Handle, default), () => invites.RebindAsync(r.AdminPrincipal, a2.Handle, b2.Handle, default));
            Assert.Equal(["ok", InviteErrors.Cycle], four.OrderByDescending(o => o == "ok"));
        }

        await using var db = await r.Factory.CreateDbContextAsync();
        var parents = await db.InviteBindings.AsNoTracking().ToDictionaryAsync(b => b.InviteeId, b => b.InviterId);
        foreach (var start in parents.Keys)
        {
            var seen = new HashSet<string> { start };
            for (var at = start; parents.TryGetValue(at, out var up); at = up)
                Assert.True(seen.Add(up), "a loop of invite bindings through " + start);
        }
        // Every successful rebinding is audited once: 2 set-ups + 1 winner per race, per round.
        Assert.Equal(Rounds * 4, await db.AuditLog.CountAsync(a => a.Action == "invite.rebind"));
    }

    private static async Task<string[]> RaceAsync(Func<Task> first, Func<Task> second)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Run(Func<Task> work)
        {
            await go.Task;
            try { await work(); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        }
        var tasks = new[] { Task.Run(() => Run(first)), Task.Run(() => Run(second)) };
        go.SetResult();
        return await Task.WhenAll(tasks);
    }
}
