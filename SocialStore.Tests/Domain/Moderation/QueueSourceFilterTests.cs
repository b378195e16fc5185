using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>Issue 15 §3: the queue filters automatic flags apart from people's reports.</summary>
public sealed class QueueSourceFilterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Queue_SourceFilter_SeparatesAutomaticFlagsFromReports()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var screen = new ContentScreen(bed.Db.Factory, Options.Create(new ScreeningOptions()));
        await new WordListService(bed.Db.Factory, bed.Clock, screen).AddAsync(bed.Mod1Principal, "私信领券", ScreenAction.Flag, false, None);
        var comments = TestServices.Get<CommentService>(bed.Db, bed.Clock, s => s.AddSingleton(screen));
        var reporter = await bed.UserAsync("reporter");
        var flagged = await comments.AddAsync(bed.Author.Id, bed.NoteId, "私信领券，先到先得", null, None);
        var both = await comments.AddAsync(bed.Author.Id, bed.NoteId, "私 信 领 券", null, None);
        await bed.ReportNoteAsync(reporter.Id);
        await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.Comment, both.Id.ToString(), ReportReason.Spam, null), None);

        async Task<string[]> TargetsAsync(QueueSourceFilter source) =>
            (await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(Source: source), None)).Items
                .Select(i => $"{i.TargetType}:{i.TargetKey}").Order(StringComparer.Ordinal).ToArray();

        var note = $"Note:{bed.NoteKey}";
        var onlyFlag = $"Comment:{flagged.Id}";
        var flagAndReport = $"Comment:{both.Id}";
        Assert.Equal(new[] { onlyFlag, flagAndReport, note }.Order(StringComparer.Ordinal), await TargetsAsync(QueueSourceFilter.Any));
        Assert.Equal(new[] { onlyFlag, flagAndReport }.Order(StringComparer.Ordinal), await TargetsAsync(QueueSourceFilter.Automatic));
        Assert.Equal(new[] { flagAndReport, note }.Order(StringComparer.Ordinal), await TargetsAsync(QueueSourceFilter.Reported));

        // Each row says where it came from (the queue's chips).
        var rows = (await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(), None)).Items.ToDictionary(i => $"{i.TargetType}:{i.TargetKey}");
        Assert.Equal((true, false), (rows[onlyFlag].Automatic, rows[onlyFlag].Reported));
        Assert.Equal((true, true), (rows[flagAndReport].Automatic, rows[flagAndReport].Reported));
        Assert.Equal((false, true), (rows[note].Automatic, rows[note].Reported));
        var detail = await bed.Moderation.DetailAsync(bed.Mod1Principal, rows[onlyFlag].Id, None);
        Assert.Equal((true, false), (detail!.Row.Automatic, detail.Row.Reported));
    }
}
