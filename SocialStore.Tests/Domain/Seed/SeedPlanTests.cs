using System.Xml.Linq;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Data.Seed.Art;
using SocialStore.Domain.Data.Seed.Banks;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;

namespace SocialStore.Tests.Domain.Seed;

/// <summary>The generator and the pictures, without a database.</summary>
public class SeedPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_SameSeed_GeneratesTheSameDataSet()
    {
        var a = new SeedPlan(SeedScaleOptions.Demo, Now, new HashSet<string>());
        var b = new SeedPlan(SeedScaleOptions.Demo, Now, new HashSet<string>());

        Assert.Equal(a.Users.Select(u => (u.Id, u.Handle, u.DisplayName, u.Bio)), b.Users.Select(u => (u.Id, u.Handle, u.DisplayName, u.Bio)));
        Assert.Equal(a.Notes().Select(n => (n.Title, n.Body, n.CreatedAt, n.Likes)), b.Notes().Select(n => (n.Title, n.Body, n.CreatedAt, n.Likes)));
        Assert.Equal(a.Likes(), b.Likes());
        Assert.Equal(a.Comments().Select(c => c.Body), b.Comments().Select(c => c.Body));
        Assert.Equal(a.Products().Select(p => (p.Title, p.Price)), b.Products().Select(p => (p.Title, p.Price)));
    }

    [Fact]
    public void Plan_LargePeople_HaveUniqueValidHandlesAvoidingTakenOnes()
    {
        var taken = new HashSet<string> { "xiaoyu", "taozi", "mumu" };
        var plan = new SeedPlan(SeedScaleOptions.Large with { Notes = 0, Likes = 0, Collects = 0, Comments = 0, Follows = 0 }, Now, taken);

        Assert.Equal(SeedScaleOptions.Large.Users, plan.Users.Count);
        Assert.All(plan.Users, u => Assert.True(Handles.IsValid(u.Handle), u.Handle));
        Assert.Equal(plan.Users.Count, plan.Users.Select(u => u.Handle).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(plan.Users, u => taken.Contains(u.Handle));
        Assert.All(plan.Users, u => Assert.True(u.DisplayName.Length <= ApplicationUser.DisplayNameMaxLength, u.DisplayName));
        Assert.All(plan.Users, u => Assert.True(MediaPaths.IsSafe(u.AvatarKey), u.AvatarKey));
    }

    [Fact]
    public void Plan_ManyNotes_StayWithinTheNoteRules()
    {
        var options = SeedScaleOptions.Large.Scaled(5);
        var plan = new SeedPlan(options, Now, new HashSet<string>());

        foreach (var note in plan.Notes())
        {
            Assert.True(TextLength.Graphemes(note.Title) <= Note.TitleMaxLength, note.Title);
            Assert.True(TextLength.Graphemes(note.Body) <= Note.BodyMaxLength);
            Assert.InRange(note.Images.Count, 1, 4);
            Assert.All(note.Images, i => Assert.True(MediaPaths.IsSafe(i.Key), i.Key));
            foreach (var topic in note.TopicIndices) Assert.Contains("#" + plan.TopicNames[topic] + (char)0, note.Body.Replace(" ", "\0").Replace("\n", "\0") + (char)0);
            Assert.InRange(note.Likes, 0, options.Users - 1);
        }
    }

    [Fact]
    public void Banks_TopicsAndCategories_AreUniqueAndUsable()
    {
        var names = TopicBank.TopicNames;
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches(@"^[^\s#]{1,30}$", n));
        Assert.True(TopicBank.All.Count >= 12);

        var categories = CatalogGenerator.Categories();
        Assert.Equal(categories.Count, categories.Select(c => c.Slug).Distinct().Count());
        Assert.All(categories, c => Assert.Matches("^[a-z0-9-]+$", c.Slug));
    }

    [Fact]
    public void Banks_EveryTitleTemplate_CanFitTheTitleLimit()
    {
        foreach (var theme in TopicBank.All)
            foreach (var (templates, chinese) in new[] { (theme.TitlesZh, true), (theme.TitlesEn, false) })
                foreach (var template in templates)
                {
                    var fits = Enumerable.Range(0, 40).Any(seed =>
                        TextLength.Graphemes(new SlotFiller(theme, chinese, new Random(seed)).Fill(template)) <= Note.TitleMaxLength);
                    Assert.True(fits, $"{theme.Slug}: '{template}' never fits in {Note.TitleMaxLength} characters");
                }
    }

    [Fact]
    public void CoverArt_EveryLayoutAndRatio_IsSafeXmlOfTheExactSize()
    {
        const string hostile = "<script>alert('x')</script> & \"引号\"";
        foreach (var ratio in AspectRatio.All)
            for (var layout = 0; layout < CoverArt.Layouts; layout++)
                foreach (var title in new[] { "敏感肌的面霜终于找到了！真的绝了绝了绝", hostile, null })
                {
                    var spec = new CoverSpec(ratio, TopicBank.All[layout].Palettes[0], TopicBank.All[layout].Emojis, "#护肤", title, layout, layout);
                    var svg = XElement.Parse(CoverArt.Draw(spec).ToString());

                    Assert.Equal($"0 0 {ratio.Width} {ratio.Height}", (string?)svg.Attribute("viewBox"));
                    Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
                    if (title == hostile) Assert.Contains(svg.Descendants(), e => e.Value.Contains("<script>", StringComparison.Ordinal));
                }
    }

    [Fact]
    public void ProductAndAvatarArt_AreSquareSafeXml()
    {
        foreach (var shape in Enum.GetValues<ProductShape>())
        {
            var svg = XElement.Parse(ProductArt.Draw(shape, TopicBank.All[0].Palettes[0], "初木 & <Co>", 1).ToString());
            Assert.Equal($"0 0 {ProductArt.Size} {ProductArt.Size}", (string?)svg.Attribute("viewBox"));
        }
        var avatar = XElement.Parse(AvatarArt.Draw(TopicBank.All[1].Palettes[1], "<", isEmoji: false, 3).ToString());
        Assert.Equal("<", avatar.Descendants().Single(e => e.Name.LocalName == "text").Value);
    }
}
