using SocialStore.Domain.Common;
using SocialStore.Domain.Notes;

namespace SocialStore.Tests.Domain.Notes;

public class NoteTests
{
    private static NoteImage[] Images(int n) =>
        Enumerable.Range(0, n).Select(i => new NoteImage { StorageKey = $"k{i}", Width = 100 + i, Height = 200 }).ToArray();

    [Fact]
    public void Create_TwentyChineseCharacters_IsAllowed()
    {
        var note = Note.Create("u", new string('好', 20), "", Images(1), DateTimeOffset.UtcNow);
        Assert.Equal(20, note.Title.Length);
    }

    [Theory]
    [InlineData("二十一个字二十一个字二十一个字二十一个字啊")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa")]
    public void Create_TwentyOneCharacters_IsRejected(string title)
    {
        var ex = Assert.Throws<DomainException>(() => Note.Create("u", title, "", Images(1), DateTimeOffset.UtcNow));
        Assert.Equal("Note.TitleTooLong", ex.Code);
    }

    [Fact]
    public void Create_EmojiCountAsOneCharacterEach()
    {
        // 👩‍👩‍👧 is one grapheme made of five code points.
        var title = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 20));
        Assert.Equal(20, TextLength.Graphemes(title));
        Note.Create("u", title, "", Images(1), DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("", 1, "Note.TitleRequired")]
    [InlineData("   ", 1, "Note.TitleRequired")]
    [InlineData("ok", 0, "Note.ImageRequired")]
    [InlineData("ok", 10, "Note.TooManyImages")]
    public void Create_BadInput_Throws(string title, int images, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Note.Create("u", title, "", Images(images), DateTimeOffset.UtcNow));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Create_FirstImageIsTheCover_AndPositionsFollowOrder()
    {
        var note = Note.Create("u", "t", "b", Images(3), DateTimeOffset.UtcNow);
        Assert.Equal(("k0", 100, 200), (note.CoverKey, note.CoverWidth, note.CoverHeight));
        Assert.Equal([0, 1, 2], note.Images.Select(i => i.Position));
    }
}
