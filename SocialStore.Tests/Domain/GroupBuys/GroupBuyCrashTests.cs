using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.GroupBuys;

/// <summary>
/// The expiry and the member refunds survive a process killed at any database command (ADR-057): the work is cut off
/// at the 1st, 2nd, … command of its transaction (the transaction is abandoned, never committed, as when the process
/// dies), then run again, until a run gets through. Every member is refunded exactly once and the stock comes back once.
/// </summary>
public sealed class GroupBuyCrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expiry_CrashAtEveryCommand_ThenRerun_EachMemberRefundedOnce_StockReturnedOnce(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 4, minutes: 60);
        var (groupId, _, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        var bOrder = await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default);
        await bed.PayAsync(b, bOrder);
        var c = await bed.BuyerAsync();
        var unpaid = await bed.Service.JoinAsync(c, groupId, GroupBuyTestBed.Key(), default);
        await bed.DispatchAllAsync();
        Assert.Equal((97, 97, 27), await bed.StockAsync(campaign));
        bed.Clock.Advance(TimeSpan.FromMinutes(61));

        var crash = new Crash();
        await using var crashing = CrashingServices(bed.Db, crash);
        var crashingFactory = crashing.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var expirer = new GroupBuyExpirer(crashingFactory, bed.Clock, bed.Signal);

        // 1. The expiry, killed at its k-th command: nothing of it stays.
        var crashes = 0;
        for (var k = 1; ; k++)
        {
            Assert.True(k < 200, "the expiry never got through");
            crash.ArmAt(k);
            try
            {
                Assert.Equal(1, await expirer.SweepAsync(default));
                break;
            }
            catch (Exception ex) when (IsCrash(ex))
            {
                crashes++;
            }
            Assert.Equal(GroupBuyStatus.Open, (await bed.GroupAsync(groupId)).Status);
            Assert.Equal(OrderStatus.PendingPayment, (await bed.OrderAsync(unpaid.OrderId)).Status);
            Assert.Equal((97, 97, 27), await bed.StockAsync(campaign));
            await using var db = await bed.Factory.CreateDbContextAsync();
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Type == GroupBuyRefundHandler.MessageType));
        }
        crash.Disarm();
        Assert.True(crashes >= 5, $"only {crashes} crash points were tried");
        Assert.Equal(0, await bed.Expirer.SweepAsync(default)); // the worker again: nothing left to fail
        Assert.Equal(GroupBuyStatus.Failed, (await bed.GroupAsync(groupId)).Status);
        Assert.Equal((98, 98, 28), await bed.StockAsync(campaign)); // the unpaid seat came back, once

        // 2. Each member's refund, killed at its k-th command (after the gateway call too), then run again.
        List<string> payloads;
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            payloads = await db.OutboxMessages.Where(m => m.Type == GroupBuyRefundHandler.MessageType).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        }
        Assert.Equal(2, payloads.Count);
        // The killed dispatcher had claimed them: its lease stays until it runs out.
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var lease = bed.Clock.GetUtcNow().AddSeconds(60);
            await db.OutboxMessages.Where(m => m.Type == GroupBuyRefundHandler.MessageType)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease));
        }
        var refundCrashes = 0;
        var handler = new GroupBuyRefundHandler(crashingFactory, bed.Gateway, bed.Clock);
        foreach (var payload in payloads)
        {
            var orderId = JsonSerializer.Deserialize<GroupBuyRefund>(payload)!.OrderId;
            for (var k = 1; ; k++)
            {
                Assert.True(k < 200, "the refund never got through");
                crash.ArmAt(k);
                try
                {
                    await handler.HandleAsync(payload, default);
                    break;
                }
                catch (Exception ex) when (IsCrash(ex))
                {
                    refundCrashes++;
                }
                Assert.Equal(OrderStatus.Paid, (await bed.OrderAsync(orderId)).Status);
            }
            crash.Disarm();
        }
        output.WriteLine($"{provider}: expiry killed at {crashes} points, refunds at {refundCrashes}; gateway calls {bed.Gateway.Calls}");
        await bed.DispatchAllAsync();
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Type == GroupBuyRefundHandler.MessageType && m.ProcessedAt == null)); // leased
        }
        bed.Clock.Advance(TimeSpan.FromSeconds(61));
        await bed.DispatchAllAsync(); // the lease ran out: the outbox runs them again and finds the orders refunded

        Assert.Equal((100, 100, 30), await bed.StockAsync(campaign));
        Assert.Equal(GroupBuyStatus.Refunded, (await bed.GroupAsync(groupId)).Status);
        Assert.Equal(2, bed.Gateway.ByKey.Count); // one idempotency key per member: the gateway refunds once per key
        await using var check = await bed.Factory.CreateDbContextAsync();
        foreach (var paid in new[] { leaderOrder, bOrder })
        {
            var order = await bed.OrderAsync(paid.OrderId);
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(order.Total, order.RefundedAmount);
            Assert.True(bed.Gateway.ByKey.ContainsKey(GroupBuyRefundHandler.IdempotencyKey(paid.OrderId)));
            Assert.Equal(1, await check.OrderEvents.CountAsync(e => e.OrderId == paid.OrderId && e.Note == GroupBuyRefundHandler.RefundedNote));
        }
        Assert.Equal(1, await check.OrderEvents.CountAsync(e => e.OrderId == unpaid.OrderId && e.Note == GroupBuyExpirer.ExpiredNote));
        Assert.Equal(2, await check.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Refunded));
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
    }

    /// <summary>The same database, with contexts whose k-th command (once armed) fails as if the process died there.</summary>
    private static ServiceProvider CrashingServices(TestDatabase database, Crash crash)
    {
        var services = new ServiceCollection().Configure<IdentityOptions>(IdentityConfiguration.Apply);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor>(crash);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:SocialStore"] = database.ConnectionString,
            }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    private static bool IsCrash(Exception? ex) => ex is not null && (ex is SimulatedCrash || IsCrash(ex.InnerException));

    private sealed class SimulatedCrash() : Exception("simulated crash");

    /// <summary>Counts the commands since it was armed and throws before the k-th reaches the database.</summary>
    private sealed class Crash : DbCommandInterceptor
    {
        private int remaining;

        public void ArmAt(int k) => Volatile.Write(ref remaining, k);

        public void Disarm() => Volatile.Write(ref remaining, 0);

        private void Tick()
        {
            if (Volatile.Read(ref remaining) > 0 && Interlocked.Decrement(ref remaining) == 0) throw new SimulatedCrash();
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Tick();
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Tick();
            return result;
        }
    }
}
