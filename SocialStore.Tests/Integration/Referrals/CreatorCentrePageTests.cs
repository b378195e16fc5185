using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Referrals;

/// <summary><c>/creator</c> renders per-note views, the retention note, the four charts and the day table, in both languages (ADR-066).</summary>
public sealed class CreatorCentrePageTests : AppPageTest
{
    [Theory]
    [InlineData("zh-CN", "浏览", "保留 180 天", "粉丝变化")]
    [InlineData("en-US", "Views", "kept for 180 days", "Followers over time")]
    public async Task CreatorCentre_ShowsViewsChartsAndFollowersOverTime(string culture, string views, string retention, string followersChart)
    {
        var email = AccountTestClient.NewEmail("creator");
        using var client = await AccountTestClient.SignedInAsync(app, email, culture: culture);
        await using var context = await db.CreateDbContextAsync();
        var userId = await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var fan = await TestData.UserAsync(db, "fan" + Guid.NewGuid().ToString("N")[..6]);
        var note = await TestData.NoteAsync(db, userId, "我的好物笔记", at: DateTimeOffset.UtcNow.AddDays(-2));
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
            context.BehaviourEvents.Add(new BehaviourEvent { Kind = BehaviourKind.View, ClientKey = $"c:{i}", NoteId = note.Id, DwellMs = 3000, OccurredAt = now.AddMinutes(-i) });
        context.Follows.Add(new Follow { FollowerId = fan.Id, FolloweeId = userId, CreatedAt = now.AddMinutes(-5) });
        await context.SaveChangesAsync();

        var page = await client.GetAsync("/creator?days=30");

        Assert.Equal("3", page.TextOf("[data-testid=total-views]"));
        Assert.Equal("3", page.TextOf($"[data-testid=note-figures][data-note='{note.Id}'] [data-testid=note-views]"));
        Assert.Contains(views, page.TextOf($"[data-testid=note-figures][data-note='{note.Id}'] dl"));
        Assert.Contains(retention, page.TextOf("[data-testid=views-note]"));
        Assert.Contains(followersChart, page.TextOf("[data-testid=chart-followers]"));
        foreach (var chart in new[] { "engagement", "sales", "money", "followers" })
            Assert.NotNull(page.Document.QuerySelector($"[data-testid=chart-{chart}] svg"));
        var days = page.Document.QuerySelectorAll("[data-testid=creator-day]");
        Assert.Equal(30, days.Length);
        Assert.Equal("1", days[^1].QuerySelectorAll("td")[^1].TextContent.Trim()); // followers at the end of today

        // A junk period is the 7-day one, never an error.
        var junk = await client.GetAsync("/creator?days=junk");
        Assert.Equal(System.Net.HttpStatusCode.OK, junk.Response.StatusCode);
        Assert.Equal("page", junk.Document.QuerySelector("[data-testid=period-7]")!.GetAttribute("aria-current"));
        Assert.Equal(7, junk.Document.QuerySelectorAll("[data-testid=creator-day]").Length);
    }
}
