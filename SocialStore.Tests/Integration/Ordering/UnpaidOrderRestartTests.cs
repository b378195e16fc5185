using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>The unpaid-order timeout reads the database, so an order that fell due while the app was down is cancelled after a restart.</summary>
public sealed class UnpaidOrderRestartTests
{
    [Fact]
    public async Task Timeout_OrderFellDueWhileTheAppWasDown_CancelledAfterRestart_StockReturned()
    {
        var directory = Path.Combine(Path.GetTempPath(), "socialstore-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connection = $"Data Source={Path.Combine(directory, "shop.db")}";
        TestOrder order;

        using (var before = new AppFactory())
        {
            before.Settings["ConnectionStrings:SocialStore"] = connection;
            before.Settings["Ordering:UnpaidOrders:Enabled"] = "false";
            _ = before.Server;
            var db = PaymentApp.Db(before);
            var buyer = await TestData.UserAsync(db, "late" + Guid.NewGuid().ToString("N")[..8]);
            order = await PaymentTestBed.InsertOrderAsync(db, DateTimeOffset.UtcNow.AddMinutes(-20), buyer.Id, quantity: 3, stock: 5);
            await Task.Delay(300);
            await using var check = await db.CreateDbContextAsync();
            Assert.Equal(OrderStatus.PendingPayment, (await check.Orders.SingleAsync()).Status);
        }

        using (var after = new AppFactory())
        {
            after.Settings["ConnectionStrings:SocialStore"] = connection;
            after.Settings["Ordering:UnpaidOrders:SweepSeconds"] = "1";
            _ = after.Server;
            var db = PaymentApp.Db(after);
            var status = OrderStatus.PendingPayment;
            for (var i = 0; i < 100 && status == OrderStatus.PendingPayment; i++)
            {
                await Task.Delay(100);
                await using var check = await db.CreateDbContextAsync();
                status = (await check.Orders.SingleAsync()).Status;
            }
            Assert.Equal(OrderStatus.Cancelled, status);
            await using var final = await db.CreateDbContextAsync();
            Assert.Equal(5, await final.Skus.Where(s => s.Id == order.SkuId).Select(s => s.Stock).SingleAsync());
            var cancel = await final.OrderEvents.SingleAsync(e => e.ToStatus == OrderStatus.Cancelled);
            Assert.Equal((OrderActor.System, UnpaidOrderSweeper.TimeoutNote), (cancel.Actor, cancel.Note));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
