using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Identity;

public sealed class ProfileServiceTests : IAsyncLifetime
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-profile-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase db = default!;
    private ProfileService profiles = default!;
    private string userId = "";

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var images = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System,
            Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        profiles = TestServices.Get<ProfileService>(db, TimeProvider.System, s => s.AddSingleton(images));
        await using var context = await db.Factory.CreateDbContextAsync();
        var user = new ApplicationUser { UserName = "a@example.test", Email = "a@example.test", Handle = "alice", DisplayName = "Alice", ConcurrencyStamp = "1" };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        userId = user.Id;
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    [Fact]
    public async Task UpdateAsync_ValidText_TrimsAndSaves()
    {
        var view = await profiles.UpdateAsync(userId, new ProfileChange("  小红  ", "第一行\r\n第二行  "), null, CancellationToken.None);

        Assert.Equal(("小红", "第一行\n第二行"), (view.DisplayName, view.Bio));
        Assert.Equal(view, await profiles.FindAsync(userId, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_ChangesTheConcurrencyStamp()
    {
        await profiles.UpdateAsync(userId, new ProfileChange("Alice B", ""), null, CancellationToken.None);

        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.NotEqual("1", (await context.Users.SingleAsync(u => u.Id == userId)).ConcurrencyStamp);
    }

    [Fact]
    public async Task UpdateAsync_200ChineseCharactersOr200Emoji_AreAllowed()
    {
        // Each limit counts characters as a reader sees them (text elements), not UTF-16 code units:
        // 200 emoji are 400 code units. Each change must be accepted and stored whole, not cut short.
        foreach (var (name, bio) in new[]
        {
            ("名", new string('好', 200)),
            ("名", string.Concat(Enumerable.Repeat("👍", 200))),
            (new string('名', 40), ""),
        })
        {
            var view = await profiles.UpdateAsync(userId, new ProfileChange(name, bio), null, CancellationToken.None);

            Assert.Equal((name, bio), (view.DisplayName, view.Bio));
            var stored = await profiles.FindAsync(userId, CancellationToken.None);
            Assert.Equal((name, bio), (stored!.DisplayName, stored.Bio));
        }
    }

    public static TheoryData<string, string?, string?, string> BadInput => new()
    {
        { "blank name", "   ", "", ProfileErrors.DisplayNameRequired },
        { "41-character name", new string('名', 41), "", ProfileErrors.DisplayNameTooLong },
        { "name over the column size in UTF-16", string.Concat(Enumerable.Repeat("👍", 21)), "", ProfileErrors.DisplayNameTooLong },
        { "name with a line break", "Ali\nce", "", ProfileErrors.DisplayNameInvalid },
        { "name with a right-to-left override", "Alice\u202Egpj.exe", "", ProfileErrors.DisplayNameInvalid },
        { "201-character bio", "Alice", new string('好', 201), ProfileErrors.BioTooLong },
        { "bio over the column size in UTF-16", "Alice", string.Concat(Enumerable.Repeat("👨‍👩‍👧", 60)), ProfileErrors.BioTooLong },
        { "bio with a control character", "Alice", "hi\u0007", ProfileErrors.BioInvalid },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task UpdateAsync_BadInput_IsRejectedAndChangesNothing(string what, string? name, string? bio, string code)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.UpdateAsync(userId, new ProfileChange(name, bio), new MemoryStream(TestImages.Solid(50, 50, ".jpg")), CancellationToken.None));

        Assert.True(code == ex.Code, $"{what}: {ex.Code}");
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task UpdateAsync_AvatarThatIsNotAnImage_IsRejectedAndChangesNothing()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.UpdateAsync(userId, new ProfileChange("New name", "New bio"), new MemoryStream(TestImages.Zip()), CancellationToken.None));

        Assert.Equal(MediaErrors.NotAnImage, ex.Code);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task UpdateAsync_NewAvatar_ReplacesTheOldAndDeletesItsFiles()
    {
        var first = await profiles.UpdateAsync(userId, new ProfileChange("Alice", ""), new MemoryStream(TestImages.Solid(50, 50, ".jpg")), CancellationToken.None);

        var second = await profiles.UpdateAsync(userId, new ProfileChange("Alice", ""), new MemoryStream(TestImages.Solid(60, 60, ".png")), CancellationToken.None);

        Assert.NotEqual(first.AvatarKey, second.AvatarKey);
        Assert.False(Directory.Exists(Path.Combine(mediaRoot, first.AvatarKey!)) && Directory.EnumerateFiles(Path.Combine(mediaRoot, first.AvatarKey!)).Any());
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(mediaRoot, second.AvatarKey!)).Count());
    }

    [Fact]
    public async Task UpdateAsync_UnknownUser_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateAsync("nobody", new ProfileChange("X", ""), null, CancellationToken.None));

        Assert.Equal(ProfileErrors.NotFound, ex.Code);
    }

    private async Task AssertUnchangedAsync()
    {
        var current = await profiles.FindAsync(userId, CancellationToken.None);
        Assert.Equal(new ProfileView("alice", "Alice", "", null), current);
        Assert.False(Directory.Exists(mediaRoot) && Directory.EnumerateFiles(mediaRoot, "*", SearchOption.AllDirectories).Any());
    }
}
