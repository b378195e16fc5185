using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.PersonalData;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Media;

/// <summary>
/// Files go only after the transaction that let go of them commits, and a process that stops in between leaves a
/// pending deletion the abandoned-upload sweep finishes (ADR-064): for an abandoned upload and for an erased account.
/// </summary>
public sealed class FilesAfterCommitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Deletes like a process that stops right after the commit, until <see cref="Stopped"/> is cleared.</summary>
    private sealed class StoppingStore(IMediaStore inner) : IMediaStore
    {
        public bool Stopped { get; set; } = true;

        public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(path, content, cancellationToken);

        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
            Stopped ? throw new InvalidOperationException("The process stopped.") : inner.DeleteAsync(path, cancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AbandonedUpload_StopAfterCommit_TheSweepDeletesTheFilesLater(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var root = Directory.CreateTempSubdirectory("files-after-commit");
        try
        {
            var store = new StoppingStore(new LocalMediaStore(root.FullName));
            var services = TestServices.Build(db, clock, configure: s => s.AddSingleton<IMediaStore>(store));
            var cleaner = services.GetRequiredService<AbandonedUploadCleaner>();
            var user = await TestData.UserAsync(db.Factory, "composer");
            const string key = "i/2026/12/stoppedupload00000000000001";
            await store.PutAsync($"{key}/{MediaUrls.FullFileName}", "JPEG"u8.ToArray(), default);
            await cleaner.RecordAsync(user.Id, key, default);
            clock.Advance(TimeSpan.FromHours(25));

            await Assert.ThrowsAsync<InvalidOperationException>(() => cleaner.SweepAsync(default));
            Assert.True(await ExistsAsync(store, key));
            Assert.Equal((0, 1), await RowsAsync(db));

            store.Stopped = false;
            Assert.Equal(0, await cleaner.SweepAsync(default)); // not a leftover yet: a deletion may be under way
            Assert.True(await ExistsAsync(store, key));
            clock.Advance(FileDeletions.LeftoverAfter + TimeSpan.FromMinutes(1));
            Assert.Equal(1, await cleaner.SweepAsync(default));
            Assert.False(await ExistsAsync(store, key));
            Assert.Equal((0, 0), await RowsAsync(db));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ErasedAccount_StopAfterCommit_TheSweepDeletesItsImagesLater(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var root = Directory.CreateTempSubdirectory("files-after-commit");
        try
        {
            var store = new StoppingStore(new LocalMediaStore(root.FullName));
            var services = TestServices.Build(db, clock, configure: s => s.AddSingleton<IMediaStore>(store));
            var user = await TestData.UserAsync(db.Factory, "leaver");
            const string avatar = "i/2026/12/leaveravatar000000000001";
            const string photo = "i/2026/12/leaverphoto0000000000001";
            foreach (var key in new[] { avatar, photo }) await store.PutAsync($"{key}/{MediaUrls.FullFileName}", "JPEG"u8.ToArray(), default);
            long deletionId;
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                await context.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AvatarKey, avatar));
                context.Notes.Add(Note.Create(user.Id, "笔记", "正文", [new NoteImage { StorageKey = photo, Width = 3, Height = 4 }], Start));
                var deletion = new AccountDeletion { UserId = user.Id, RequestedAt = Start, DueAt = Start, Content = DeletionContent.Remove, Status = DeletionStatus.Pending };
                context.AccountDeletions.Add(deletion);
                await context.SaveChangesAsync();
                deletionId = deletion.Id;
            }

            await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<AccountEraser>().EraseAsync(deletionId, default));
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                // Committed: the account is erased; only the files are left.
                Assert.Equal(DeletionStatus.Done, await context.AccountDeletions.Where(d => d.Id == deletionId).Select(d => d.Status).SingleAsync());
                Assert.Null(await context.Users.Where(u => u.Id == user.Id).Select(u => u.AvatarKey).SingleAsync());
                Assert.Equal(0, await context.NoteImages.CountAsync());
            }
            Assert.True(await ExistsAsync(store, avatar));
            Assert.True(await ExistsAsync(store, photo));

            store.Stopped = false;
            clock.Advance(FileDeletions.LeftoverAfter + TimeSpan.FromMinutes(1));
            Assert.Equal(2, await services.GetRequiredService<AbandonedUploadCleaner>().SweepAsync(default));
            Assert.False(await ExistsAsync(store, avatar));
            Assert.False(await ExistsAsync(store, photo));
            Assert.Equal((0, 0), await RowsAsync(db));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<bool> ExistsAsync(IMediaStore store, string key)
    {
        await using var stream = await store.OpenReadAsync($"{key}/{MediaUrls.FullFileName}", default);
        return stream is not null;
    }

    private static async Task<(int Uploads, int Pending)> RowsAsync(TestDatabase db)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return (await context.MediaUploads.CountAsync(), await context.PendingFileDeletions.CountAsync());
    }
}
