using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

public class VipsTests
{
    [Fact]
    public void Initialise_LoadsOnlyTheHeifModule_SoTheSystemSqliteNeverJoinsTheProcess()
    {
        // With all modules, OpenSlide's libsqlite3 captured calls inside EF Core's bundled SQLite and
        // the next first-time sqlite3_open_v2 crashed the process (SIGSEGV).
        Assert.Null(Vips.Initialise(2));

        var maps = File.ReadAllText("/proc/self/maps");
        Assert.DoesNotContain("libsqlite3.so", maps);
        Assert.DoesNotContain("libopenslide", maps);
        Assert.DoesNotContain("libMagick", maps);
        Assert.DoesNotContain("libpoppler", maps);
        Assert.Contains("libe_sqlite3", maps);
        if (File.Exists("/usr/lib/x86_64-linux-gnu/vips-modules-8.14/vips-heif.so")) Assert.True(Vips.CanLoadHeif);
    }
}
