using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.GroupBuys;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.GroupBuys;

/// <summary>
/// The crash test, with a real process (ADR-059): the built app runs as a child process on a SQLite file
/// holding a failed-to-be group (deadline long past by the real clock) with four paid members and one unpaid seat.
/// Its expiry worker fails the group and its outbox refunds the members through the sandbox gateway, which answers
/// each refund after a delay like a real network call; the process is killed with SIGKILL while refunds are in
/// flight (after the first member's refund was recorded), then started again. Every member ends refunded exactly
/// once (one refund event, refunded amount = total, not twice), the unpaid seat is released once, and the stock
/// of the SKU, the product and the campaign is back exactly.
/// </summary>
public sealed class GroupBuyKillTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Secret = "group-buy-kill-test-secret-0123456789abcdef";

    [Fact]
    public async Task ExpiryWorkerKilledMidRefund_Restarted_EveryMemberRefundedOnce_StockBackExactly()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 6, minutes: 60);
        var initial = await bed.StockAsync(campaign);
        var (groupId, _, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var paid = new List<GroupBuyOrder> { leaderOrder };
        for (var i = 0; i < 3; i++)
        {
            var member = await bed.BuyerAsync();
            var order = await bed.Service.JoinAsync(member, groupId, GroupBuyTestBed.Key(), default);
            Assert.Equal(CallbackOutcome.Applied, await bed.PayAsync(member, order));
            paid.Add(order);
        }
        var unpaid = await bed.Service.JoinAsync(await bed.BuyerAsync(), groupId, GroupBuyTestBed.Key(), default);
        await bed.DispatchAllAsync();
        Assert.Equal((initial.Sku - 5, initial.Product - 5, initial.Campaign - 5), await bed.StockAsync(campaign));
        Assert.Equal(GroupBuyStatus.Open, (await bed.GroupAsync(groupId)).Status);
        var mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-gbkill-" + Guid.NewGuid().ToString("N"));

        // 1. The first process fails the group and starts refunding; it is killed as soon as one refund is recorded,
        //    while the next one is in the gateway's hands.
        int refundedAtKill;
        using (var first = new ChildApp(bed.Db.ConnectionString, FreePort(), mediaRoot))
        {
            await first.WaitUntilHealthyAsync();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await RefundedAsync(bed) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "No refund within 90 s:\n" + first.Output);
                await Task.Delay(20);
            }
            first.Kill();
            refundedAtKill = await RefundedAsync(bed);
        }
        output.WriteLine($"killed with {refundedAtKill} of {paid.Count} members refunded");
        Assert.InRange(refundedAtKill, 1, paid.Count - 1);
        Assert.Equal(GroupBuyStatus.Failed, (await bed.GroupAsync(groupId)).Status);

        // 2. Started again: the leased refund messages come back after their lease and finish the job, once each.
        using (var second = new ChildApp(bed.Db.ConnectionString, FreePort(), mediaRoot))
        {
            await second.WaitUntilHealthyAsync();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!await DoneAsync(bed, groupId))
            {
                Assert.True(DateTime.UtcNow < deadline, "Refunds did not finish after the restart:\n" + second.Output);
                await Task.Delay(200);
            }
            second.Kill();
        }

        Assert.Equal(initial, await bed.StockAsync(campaign));
        Assert.Equal(GroupBuyStatus.Refunded, (await bed.GroupAsync(groupId)).Status);
        await using var check = await bed.Factory.CreateDbContextAsync();
        foreach (var p in paid)
        {
            var order = await bed.OrderAsync(p.OrderId);
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(order.Total, order.RefundedAmount);
            Assert.Equal(1, await check.OrderEvents.CountAsync(e => e.OrderId == p.OrderId && e.Note == GroupBuyRefundHandler.RefundedNote));
            Assert.Equal(1, await check.OrderEvents.CountAsync(e => e.OrderId == p.OrderId && e.ToStatus == OrderStatus.Cancelled));
            Assert.All(await check.OrderLines.Where(l => l.OrderId == p.OrderId).ToListAsync(), l => Assert.Equal(l.Payable, l.RefundedAmount));
        }
        Assert.Equal(OrderStatus.Cancelled, (await bed.OrderAsync(unpaid.OrderId)).Status);
        Assert.Equal(1, await check.OrderEvents.CountAsync(e => e.OrderId == unpaid.OrderId && e.ToStatus == OrderStatus.Cancelled));
        Assert.Equal(paid.Count, await check.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Refunded));
        Assert.Equal(0, await check.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status != GroupBuyMemberStatus.Refunded));
        Assert.Equal(paid.Count, await check.OutboxMessages.CountAsync(m => m.Type == GroupBuyRefundHandler.MessageType));
        try { Directory.Delete(mediaRoot, recursive: true); } catch (IOException) { }
    }

    private static async Task<int> RefundedAsync(GroupBuyTestBed bed)
    {
        await using var db = await bed.Factory.CreateDbContextAsync();
        return await db.OrderEvents.CountAsync(e => e.Note == GroupBuyRefundHandler.RefundedNote);
    }

    private static async Task<bool> DoneAsync(GroupBuyTestBed bed, long groupId)
    {
        await using var db = await bed.Factory.CreateDbContextAsync();
        return await db.GroupBuyGroups.AnyAsync(g => g.Id == groupId && g.Status == GroupBuyStatus.Refunded)
            && !await db.OutboxMessages.AnyAsync(m => m.Type == GroupBuyRefundHandler.MessageType && m.ProcessedAt == null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built SocialStore.Web from the test output as its own process, with the group-buy expiry and the outbox on.</summary>
    private sealed class ChildApp : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder log = new();
        private readonly int port;

        public ChildApp(string connectionString, int port, string mediaRoot)
        {
            this.port = port;
            var dll = Path.Combine(AppContext.BaseDirectory, "SocialStore.Web.dll");
            Assert.True(File.Exists(dll), dll);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            var env = start.Environment;
            env["ASPNETCORE_ENVIRONMENT"] = "Production";
            env["Database__Provider"] = "Sqlite";
            env["ConnectionStrings__SocialStore"] = connectionString;
            env["Media__Root"] = mediaRoot;
            env["Seed__OnStartup"] = "false";
            env["Outbox__Enabled"] = "true";
            env["Outbox__PollMilliseconds"] = "200";
            env["Outbox__LeaseSeconds"] = "3";
            env["GroupBuys__ExpiryEnabled"] = "true";
            env["GroupBuys__SweepSeconds"] = "1";
            // The group was made on a fixed test clock, so its deadline is long past by the real one; so are the
            // other orders' payment deadlines, which this test leaves alone.
            env["Ordering__UnpaidOrders__Enabled"] = "false";
            env["Payments__Sandbox__SendCallbacks"] = "false";
            env["Payments__Sandbox__Enabled"] = "true";
            env["Payments__Sandbox__Secret"] = Secret;
            env["Payments__Sandbox__RefundDelayMilliseconds"] = "2500";
            env["App__PublicOrigin"] = $"http://127.0.0.1:{port}";
            process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get { lock (log) return log.ToString(); }
        }

        public async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(process.HasExited, "The app exited:\n" + Output);
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(200);
            }
            Assert.Fail("The app did not become healthy:\n" + Output);
        }

        /// <summary>SIGKILL: no shutdown hooks, no flushing, like a crashed node.</summary>
        public void Kill()
        {
            if (process.HasExited) return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }
    }
}
