namespace SocialStore.Domain.Recommendations;

/// <summary>Codes of the <see cref="Common.DomainException"/>s of recommendations; each is a resource key in the web project.</summary>
public static class RecommendationErrors
{
    public const string NoteUnavailable = "Recs.NoteUnavailable";
    public const string TopicNotFound = "Recs.TopicNotFound";
    public const string AuthorNotFound = "Recs.AuthorNotFound";
}
