using System.Globalization;
using System.Text;
using Bogus;
using SocialStore.Domain.Data.Seed.Art;
using SocialStore.Domain.Data.Seed.Banks;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>Invents the community's people — names, handles, bios, avatars — and their boards.</summary>
internal sealed class PeopleGenerator(SeedScaleOptions options, DateTimeOffset now, IReadOnlySet<string> takenHandles)
{
    public const string DefaultBoardName = "默认专辑";

    /// <summary>Large sets share this many avatar pictures instead of drawing one per person.</summary>
    public const int AvatarPoolSize = 120;

    private readonly HashSet<string> handles = new(takenHandles, StringComparer.Ordinal);

    public List<SeedUser> Users()
    {
        var random = SeedRandom.For(options.RandomSeed, "people", 0);
        var zh = new Faker("zh_CN") { Random = new Randomizer(SeedRandom.Derive(options.RandomSeed, "faker-zh", 0)) };
        var en = new Faker("en") { Random = new Randomizer(SeedRandom.Derive(options.RandomSeed, "faker-en", 0)) };
        var users = new List<SeedUser>(options.Users);
        for (var i = 0; i < options.Users; i++)
        {
            var chinese = random.NextDouble() < 0.8;
            var interests = random.Distinct(TopicBank.All.Count, 2 + random.Next(2), []);
            random.Shuffle(interests);
            var (name, handleBase, initial) = chinese ? ChineseName(random, interests) : EnglishName(random, en, interests);
            var handle = UniqueHandle(handleBase, random);
            var id = new Guid(BytesFrom(random)).ToString();
            users.Add(new SeedUser(
                i, id, handle, name,
                Bio(random, zh, chinese, interests),
                $"{handle}@{options.EmailDomain}",
                AvatarKey(i, random),
                SeedRandom.Seconds(now - TimeSpan.FromDays(options.NoteDays + 1 + random.Next(600)) - TimeSpan.FromMinutes(random.Next(1440))),
                chinese, interests, initial));
        }
        return users;
    }

    /// <summary>Every person's default board first, then zero to three boards named after their interests.</summary>
    public static List<SeedBoard> Boards(IReadOnlyList<SeedUser> users, int seed)
    {
        var boards = new List<SeedBoard>(users.Count * 2);
        foreach (var user in users)
        {
            var random = SeedRandom.For(seed, "boards", user.Index);
            var created = user.CreatedAt + TimeSpan.FromMinutes(5);
            boards.Add(new SeedBoard(boards.Count, user.Index, DefaultBoardName, true, false, created));
            var names = user.Interests
                .SelectMany(t => user.Chinese ? TopicBank.All[t].BoardsZh : TopicBank.All[t].BoardsEn)
                .Concat(user.Chinese ? CommonPhrases.BoardsZh : CommonPhrases.BoardsEn)
                .Distinct().ToArray();
            random.Shuffle(names);
            foreach (var name in names.Take(random.Next(4)))
                boards.Add(new SeedBoard(boards.Count, user.Index, name, false, random.NextDouble() < 0.15,
                    SeedRandom.Seconds(created + TimeSpan.FromDays(random.Next(30)))));
        }
        return boards;
    }

    public IEnumerable<SeedArtwork> Avatars(IReadOnlyList<SeedUser> users)
    {
        if (!options.Showcase)
        {
            for (var k = 0; k < AvatarPoolSize; k++)
            {
                var (glyph, palette) = (PeopleBank.AvatarEmojis[k % PeopleBank.AvatarEmojis.Length], AvatarPalette(k));
                var seed = k;
                yield return new SeedArtwork(PoolAvatarKey(k), () => AvatarArt.Draw(palette, glyph, isEmoji: true, seed));
            }
            yield break;
        }
        foreach (var user in users)
        {
            var random = SeedRandom.For(options.RandomSeed, "avatar", user.Index);
            var emoji = random.NextDouble() < 0.35;
            var glyph = emoji ? random.Pick(PeopleBank.AvatarEmojis) : user.Initial;
            var palette = random.Pick(TopicBank.All[user.Interests[0]].Palettes);
            var seed = user.Index;
            yield return new SeedArtwork(user.AvatarKey, () => AvatarArt.Draw(palette, glyph, emoji, seed));
        }
    }

    private string AvatarKey(int index, Random random) =>
        options.Showcase ? $"seed/avatars/{index}.svg" : PoolAvatarKey(random.Next(AvatarPoolSize));

    private static string PoolAvatarKey(int k) => $"seed/pool/avatars/{k}.svg";

    private static Palette AvatarPalette(int k)
    {
        var theme = TopicBank.All[k / PeopleBank.AvatarEmojis.Length % TopicBank.All.Count];
        return theme.Palettes[k % theme.Palettes.Length];
    }

    private static (string Name, string Handle, string Initial) ChineseName(Random random, int[] interests)
    {
        var (nick, pinyin) = random.Pick(PeopleBank.Nicknames);
        var name = random.Next(6) switch
        {
            0 => nick,
            1 => $"是{nick}呀",
            2 => $"{nick}的{random.Pick(PeopleBank.Spaces)}",
            3 => nick + random.Pick(PeopleBank.NameSuffixes),
            4 => $"爱{random.Pick(PeopleBank.Hobbies)}的{nick}",
            _ => $"{nick}{random.Pick(CommonPhrases.Cities).Zh}日记",
        };
        var handle = random.Next(4) switch
        {
            0 => pinyin,
            1 => $"{pinyin}_{TopicBank.All[interests[0]].Slug}",
            2 => pinyin + (1988 + random.Next(18)).ToString(CultureInfo.InvariantCulture),
            _ => $"{pinyin}_{random.Pick(PeopleBank.HandleWords)}",
        };
        return (name, handle, StringInfo.GetNextTextElement(nick));
    }

    private static (string Name, string Handle, string Initial) EnglishName(Random random, Faker en, int[] interests)
    {
        var first = en.Name.FirstName();
        var last = en.Name.LastName();
        var city = random.Pick(CommonPhrases.Cities).En;
        var name = random.Pick(PeopleBank.EnglishNameShapes)
            .Replace("{first}", first, StringComparison.Ordinal).Replace("{last}", last, StringComparison.Ordinal)
            .Replace("{city}", city, StringComparison.Ordinal).Replace("{thing}", random.Pick(PeopleBank.EnglishThings), StringComparison.Ordinal)
            .Replace("{topic}", TopicBank.All[interests[0]].En, StringComparison.Ordinal);
        if (name.Length > ApplicationUser.DisplayNameMaxLength) name = $"{first} {last}";
        var firstAscii = Ascii(first);
        var handle = random.Next(3) switch
        {
            0 => $"{firstAscii}_{Ascii(last)}",
            1 => firstAscii + random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
            _ => $"{firstAscii}_{TopicBank.All[interests[0]].Slug}",
        };
        return (name, handle, first[..1].ToUpperInvariant());
    }

    private static string Bio(Random random, Faker zh, bool chinese, int[] interests)
    {
        var topic1 = TopicBank.All[interests[0]];
        var topic2 = TopicBank.All[interests[1]];
        var template = random.Pick(chinese ? PeopleBank.BiosZh : PeopleBank.BiosEn);
        var province = zh.Address.State();
        return template
            .Replace("{province}", province, StringComparison.Ordinal)
            .Replace("{topic1}", chinese ? topic1.Zh : topic1.En, StringComparison.Ordinal)
            .Replace("{topic2}", chinese ? topic2.Zh : topic2.En, StringComparison.Ordinal)
            .Replace("{job}", random.Pick(chinese ? PeopleBank.JobsZh : PeopleBank.JobsEn), StringComparison.Ordinal)
            .Replace("{tagline}", random.Pick(chinese ? PeopleBank.TaglinesZh : PeopleBank.TaglinesEn), StringComparison.Ordinal)
            .Replace("{city}", random.Pick(CommonPhrases.Cities).Name(chinese), StringComparison.Ordinal)
            .Replace("{n}", (2 + random.Next(8)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The wished-for handle if it is free, else the same with a few digits (handles are unique and [a-z0-9_]{3,30}).</summary>
    private string UniqueHandle(string wished, Random random)
    {
        var handle = Handles.Suggest(wished);
        if (handle.Length > ApplicationUser.HandleMaxLength - 5) handle = handle[..(ApplicationUser.HandleMaxLength - 5)];
        var candidate = handle;
        for (var digits = 2; !Handles.IsValid(candidate) || !handles.Add(candidate); digits = Math.Min(digits + 1, 4))
            candidate = $"{handle}{random.Next((int)Math.Pow(10, digits - 1), (int)Math.Pow(10, digits)).ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }

    private static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            if (c is >= 'a' and <= 'z') sb.Append(c);
        return sb.Length > 0 ? sb.ToString() : "user";
    }

    private static byte[] BytesFrom(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, like Guid.NewGuid()
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return bytes;
    }
}
