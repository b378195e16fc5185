namespace SocialStore.Domain.Moderation.Screening;

/// <summary>Codes of the <see cref="Common.DomainException"/>s of word screening; each is a resource key in the web project.</summary>
public static class ScreeningErrors
{
    /// <summary>The text contains a blocked term; the message names nothing (the list is not disclosed).</summary>
    public const string Blocked = "Screening.Blocked";
    /// <summary>Product text with advertising-law terms (最佳, 第一, 国家级 …): refused, the terms named (ADR-055).</summary>
    public const string ProductAdvertisingLaw = "Screening.ProductAdvertisingLaw";
    /// <summary>Product text with a word-list term held for review: refused, the terms named (a product cannot be held).</summary>
    public const string ProductHeldTerms = "Screening.ProductHeldTerms";
    public const string TermRequired = "Screening.TermRequired";
    public const string TermTooLong = "Screening.TermTooLong";
    public const string TermExists = "Screening.TermExists";
    public const string ActionInvalid = "Screening.ActionInvalid";
    public const string WordNotFound = "Screening.WordNotFound";
}
