namespace SocialStore.Domain.Levels;

/// <summary>Resource keys of the level rules (the Web project's LevelsResource gives the messages).</summary>
public static class LevelsErrors
{
    public const string AdminOnly = "Levels.AdminOnly";
    public const string NoLevels = "Levels.NoLevels";
    public const string FirstNotZero = "Levels.FirstNotZero";
    public const string NotIncreasing = "Levels.NotIncreasing";
    public const string NameInvalid = "Levels.NameInvalid";
    public const string RateInvalid = "Levels.RateInvalid";
    public const string TooMany = "Levels.TooMany";
    public const string Conflict = "Levels.Conflict";
}
