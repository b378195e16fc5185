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
        var note = Note.Create("u", new string('好', 20), "正文", Images(1), DateTimeOffset.UtcNow);
        Assert.Equal(20, note.Title.Length);
    }

    [Theory]
    [InlineData("二十一个字二十一个字二十一个字二十一个字啊")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa")]
    public void Create_TwentyOneCharacters_IsRejected(string title)
    {
        var ex = Assert.Throws<DomainException>(() => Note.Create("u", title, "正文", Images(1), DateTimeOffset.UtcNow));
        Assert.Equal("Note.TitleTooLong", ex.Code);
    }

    [Fact]
    public void Create_EmojiCountAsOneCharacterEach()
    {
        // 👍🏽 is one grapheme made of two code points (four UTF-16 units): 20 of them fit the title and its column.
        var title = string.Concat(Enumerable.Repeat("👍🏽", 20));
        Assert.Equal(20, TextLength.Graphemes(title));
        Note.Create("u", title, "正文", Images(1), DateTimeOffset.UtcNow);
    }

    /// <summary>The one test of the content rule (<see cref="Note.Validate"/>); <c>NoteService</c> calls the same method.</summary>
    [Theory]
    [InlineData("", "正文", 1, NoteErrors.TitleRequired)]
    [InlineData("   ", "正文", 1, NoteErrors.TitleRequired)]
    [InlineData("ok", "", 1, NoteErrors.BodyRequired)]
    [InlineData("ok", " \n ", 1, NoteErrors.BodyRequired)]
    [InlineData("ok", "正文", 0, NoteErrors.ImageRequired)]
    [InlineData("ok", "正文", 10, NoteErrors.TooManyImages)]
    public void Create_BadInput_Throws(string title, string body, int images, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Note.Create("u", title, body, Images(images), DateTimeOffset.UtcNow));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Validate_Lengths_CountGraphemes_AndTheStoredColumnCaps()
    {
        Note.Validate(new string('字', Note.TitleMaxLength), new string('字', Note.BodyMaxLength), Note.MaxImages, requireComplete: true);
        Assert.Equal(NoteErrors.TitleTooLong, Assert.Throws<DomainException>(() => Note.Validate(new string('字', 21), "正文", 1, true)).Code);
        Assert.Equal(NoteErrors.BodyTooLong, Assert.Throws<DomainException>(() => Note.Validate("ok", new string('字', 2001), 1, true)).Code);
        // 20 graphemes, but each a long emoji sequence: more code units than the column holds.
        var heavy = string.Concat(Enumerable.Repeat("👩‍👩‍👧‍👦", 20));
        Assert.True(heavy.Length > Note.TitleStoredMaxLength);
        Assert.Equal(NoteErrors.TitleTooLong, Assert.Throws<DomainException>(() => Note.Validate(heavy, "正文", 1, true)).Code);
        // A draft may be incomplete, never too long.
        Note.Validate("", "", 0, requireComplete: false);
        Assert.Equal(NoteErrors.TooManyImages, Assert.Throws<DomainException>(() => Note.Validate("", "", 10, false)).Code);
    }

    [Fact]
    public void Create_FirstImageIsTheCover_AndPositionsFollowOrder()
    {
        var note = Note.Create("u", "t", "b", Images(3), DateTimeOffset.UtcNow);
        Assert.Equal(("k0", 100, 200), (note.CoverKey, note.CoverWidth, note.CoverHeight));
        Assert.Equal([0, 1, 2], note.Images.Select(i => i.Position));
    }
}
