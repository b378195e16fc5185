using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>
/// "A process kill between the order commit and its outbox dispatch loses nothing": the built app runs as a
/// child process (<c>dotnet SocialStore.Web.dll</c>) on a SQLite file with its dispatcher switched off, commits
/// a payment through its callback endpoint, and is killed with SIGKILL; started again with the dispatcher on,
/// it delivers the notification that was committed with the order.
/// </summary>
public sealed class OutboxCrashTests
{
    /// <summary>The child runs in Production with the sandbox opted in, so it needs a real secret (ADR-027).</summary>
    private const string Secret = "outbox-crash-test-secret-0123456789abcdef";

    [Fact]
    public async Task ProcessKilledBetweenCommitAndDispatch_NotificationDeliveredAfterRestart()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);
        var (body, _) = bed.Callback(session, SandboxCallbackBody.Succeeded);
        var signature = new SandboxGateway(Options.Create(new SandboxOptions { Secret = Secret })).Sign(body);
        var mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-crash-" + Guid.NewGuid().ToString("N"));

        var port = FreePort();
        using (var first = new ChildApp(bed.Db.ConnectionString, port, dispatch: false, mediaRoot))
        {
            await first.WaitUntilHealthyAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var request = new HttpRequestMessage(HttpMethod.Post, "/payments/callback/sandbox") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(SandboxGateway.SignatureHeader, signature);
            var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, first.Output);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());

            // Committed: the order is paid and its outbox row waits; nothing has been dispatched.
            await using (var db = await bed.Factory.CreateDbContextAsync())
            {
                Assert.Equal(OrderStatus.Paid, (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status);
                Assert.Null((await db.OutboxMessages.SingleAsync(m => m.Type == OrderTransitions.StatusChangedMessage)).ProcessedAt);
                Assert.Empty(await db.Notifications.ToListAsync());
            }
            first.Kill();
        }

        await using (var db = await bed.Factory.CreateDbContextAsync())
            Assert.Empty(await db.Notifications.ToListAsync());

        using var second = new ChildApp(bed.Db.ConnectionString, FreePort(), dispatch: true, mediaRoot);
        await second.WaitUntilHealthyAsync();
        Notification? delivered = null;
        for (var i = 0; i < 150 && delivered is null; i++)
        {
            await Task.Delay(200);
            await using var db = await bed.Factory.CreateDbContextAsync();
            delivered = await db.Notifications.SingleOrDefaultAsync();
        }
        Assert.True(delivered is not null, "No notification after restart:\n" + second.Output);
        Assert.Equal((NotificationKind.OrderUpdate, order.BuyerId, order.Id, OrderStatus.Paid), (delivered.Kind, delivered.RecipientId, delivered.OrderId, delivered.OrderStatus));
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 50 && await db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null); i++) await Task.Delay(100);
            Assert.NotNull((await db.OutboxMessages.SingleAsync()).ProcessedAt);
        }
        second.Kill();
        try { Directory.Delete(mediaRoot, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built SocialStore.Web from the test output, as its own process.</summary>
    private sealed class ChildApp : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly int port;

        public ChildApp(string connectionString, int port, bool dispatch, string mediaRoot)
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
            env["Outbox__Enabled"] = dispatch ? "true" : "false";
            env["Outbox__PollMilliseconds"] = "200";
            // The test's order was placed on a fixed test clock, long "overdue" by the real one.
            env["Ordering__UnpaidOrders__Enabled"] = "false";
            env["Payments__Sandbox__SendCallbacks"] = "false";
            env["Payments__Sandbox__Enabled"] = "true";
            env["Payments__Sandbox__Secret"] = Secret;
            env["App__PublicOrigin"] = $"http://127.0.0.1:{port}";
            process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get { lock (output) return output.ToString(); }
        }

        public async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
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
