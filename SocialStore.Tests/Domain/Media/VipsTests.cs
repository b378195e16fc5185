using Microsoft.Data.Sqlite;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

public class VipsTests
{
    [Fact]
    public void Initialise_LoadsOnlyTheHeifModule_SoEfCoresSqliteKeepsWorking()
    {
        // With every module, OpenSlide's system libsqlite3 captured calls inside the SQLite that EF Core
        // bundles, and the next first-time sqlite3_open_v2 crashed the process (SIGSEGV).
        Assert.Null(Vips.Initialise(2));

        var maps = File.ReadAllText("/proc/self/maps");
        Assert.DoesNotContain("libsqlite3.so", maps);
        Assert.DoesNotContain("libopenslide", maps);
        Assert.DoesNotContain("libMagick", maps);
        Assert.DoesNotContain("libpoppler", maps);
        if (File.Exists("/usr/lib/x86_64-linux-gnu/vips-modules-8.14/vips-heif.so")) Assert.True(Vips.CanLoadHeif);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select 40 + 2";
        Assert.Equal(42L, command.ExecuteScalar());
    }
}
