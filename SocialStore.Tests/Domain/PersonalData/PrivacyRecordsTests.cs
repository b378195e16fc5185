using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.PersonalData;
using SocialStore.Domain.Profiles;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.PersonalData;

/// <summary>Consent records and the abandoned-upload clean-up (ADR-051).</summary>
public class PrivacyRecordsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Consents_RegistrationAndPersonalisationSwitch_HistoryNewestFirst_AndInTheExport(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var consents = new ConsentService(db.Factory, clock, Options.Create(new ConsentOptions { TermsVersion = "T-7", PrivacyVersion = "P-3" }));
        var user = await TestData.UserAsync(db.Factory, "consenting");
        var other = await TestData.UserAsync(db.Factory, "someone_else");

        await consents.RecordRegistrationAsync(user.Id, default);
        await consents.RecordRegistrationAsync(other.Id, default);
        clock.Advance(TimeSpan.FromHours(1));
        await consents.RecordPersonalisationAsync(user.Id, granted: false, default);
        clock.Advance(TimeSpan.FromHours(1));
        await consents.RecordPersonalisationAsync(user.Id, granted: true, default);

        var history = await consents.HistoryAsync(user.Id, 10, default);
        Assert.Equal(
            [(ConsentKind.Personalisation, "", true), (ConsentKind.Personalisation, "", false), (ConsentKind.Privacy, "P-3", true), (ConsentKind.Terms, "T-7", true)],
            history.Select(h => (h.Kind, h.Version, h.Granted)).ToList());
        Assert.Equal(Start.AddHours(2), history[0].At);
        Assert.Equal(2, (await consents.HistoryAsync(user.Id, 2, default)).Count);

        var mediaRoot = Directory.CreateTempSubdirectory("consent-export");
        try
        {
            using var output = new MemoryStream();
            await new PersonalDataExporter(db.Factory, new LocalMediaStore(mediaRoot.FullName)).WriteZipAsync(user.Id, output, default);
            output.Position = 0;
            using var zip = new ZipArchive(output, ZipArchiveMode.Read);
            using var reader = new StreamReader(zip.GetEntry("consents.json")!.Open(), Encoding.UTF8);
            var json = await reader.ReadToEndAsync();
            Assert.Contains("\"T-7\"", json);
            Assert.Contains("\"Personalisation\"", json);
            Assert.Equal(4, json.Split("\"Kind\"").Length - 1);
        }
        finally
        {
            mediaRoot.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AbandonedUploads_OlderThanADayAndOnNoNote_FilesAndRowsDeletedOnce_AttachedAndRecentKept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var mediaRoot = Directory.CreateTempSubdirectory("abandoned-uploads");
        try
        {
            var store = new LocalMediaStore(mediaRoot.FullName);
            var images = new ImagePipeline(store, clock, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
            var cleaner = TestServices.Get<AbandonedUploadCleaner>(db, clock, s => s.AddSingleton(images));
            var author = await TestData.UserAsync(db.Factory, "composer");
            const string abandoned = "i/2026/12/abandonedupload0000000001";
            const string attached = "i/2026/12/attachedupload00000000001";
            const string recent = "i/2026/12/recentupload0000000000001";
            foreach (var key in new[] { abandoned, attached, recent }) await store.PutAsync($"{key}/{MediaUrls.FullFileName}", "JPEG"u8.ToArray(), default);

            await cleaner.RecordAsync(author.Id, abandoned, default);
            await cleaner.RecordAsync(author.Id, attached, default);
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                context.Notes.Add(Note.Create(author.Id, "笔记", "正文", [new NoteImage { StorageKey = attached, Width = 3, Height = 4 }], clock.GetUtcNow(), draft: true));
                await context.SaveChangesAsync();
            }
            clock.Advance(TimeSpan.FromHours(23));
            await cleaner.RecordAsync(author.Id, recent, default);
            Assert.Equal(0, await cleaner.SweepAsync(default)); // nothing is a day old yet
            clock.Advance(TimeSpan.FromHours(2));

            Assert.Equal(1, await cleaner.SweepAsync(default));
            Assert.Equal(0, await cleaner.SweepAsync(default));

            Assert.Null(await store.OpenReadAsync($"{abandoned}/{MediaUrls.FullFileName}", default));
            await using (var kept = await store.OpenReadAsync($"{attached}/{MediaUrls.FullFileName}", default)) Assert.NotNull(kept);
            await using (var kept = await store.OpenReadAsync($"{recent}/{MediaUrls.FullFileName}", default)) Assert.NotNull(kept);
            await using var read = await db.Factory.CreateDbContextAsync();
            Assert.Equal([recent], await read.MediaUploads.Select(u => u.StorageKey).ToListAsync());
        }
        finally
        {
            mediaRoot.Delete(recursive: true);
        }
    }
}
