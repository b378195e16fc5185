namespace SocialStore.Domain.Limits;

/// <summary>
/// "Too many, try again in N minutes", one code per <see cref="LimitedAction"/>. Arguments: the limit, the window in
/// minutes, the minutes until the window ends (at least 1).
/// </summary>
public static class LimitErrors
{
    public const string Like = "Limits.Like";
    public const string Collect = "Limits.Collect";
    public const string Follow = "Limits.Follow";
    public const string Comment = "Limits.Comment";
    public const string Note = "Limits.Note";
    public const string Review = "Limits.Review";
    public const string Question = "Limits.Question";
    public const string Report = "Limits.Report";
    public const string Cart = "Limits.Cart";
    public const string Upload = "Limits.Upload";

    public static string For(LimitedAction action) => action switch
    {
        LimitedAction.Like => Like,
        LimitedAction.Collect => Collect,
        LimitedAction.Follow => Follow,
        LimitedAction.Comment => Comment,
        LimitedAction.Note => Note,
        LimitedAction.Review => Review,
        LimitedAction.Question => Question,
        LimitedAction.Report => Report,
        LimitedAction.Cart => Cart,
        LimitedAction.Upload => Upload,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
