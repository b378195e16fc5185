using SocialStore.Domain.Data.Seed.Banks;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>What people write under a note: general reactions, questions about the subject, and short replies.</summary>
internal static class CommentText
{
    public static string TopLevel(Random random, TopicTheme theme, bool chinese)
    {
        var specific = random.NextDouble() < 0.4;
        var text = chinese
            ? random.Pick(specific ? theme.CommentsZh : CommonPhrases.CommentsZh)
            : random.Pick(specific ? theme.CommentsEn : CommonPhrases.CommentsEn);
        return new SlotFiller(theme, chinese, random).Fill(text);
    }

    public static string Reply(Random random, bool chinese, bool byNoteAuthor) => (chinese, byNoteAuthor) switch
    {
        (true, true) => random.Pick(CommonPhrases.AuthorRepliesZh),
        (true, false) => random.Pick(CommonPhrases.RepliesZh),
        (false, true) => random.Pick(CommonPhrases.AuthorRepliesEn),
        _ => random.Pick(CommonPhrases.RepliesEn),
    };
}
