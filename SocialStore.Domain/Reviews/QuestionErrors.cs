namespace SocialStore.Domain.Reviews;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that product questions and answers throw; each is a resource key in the web project.</summary>
public static class QuestionErrors
{
    public const string AnswerInvalid = "Question.AnswerInvalid";
    public const string BodyInvalid = "Question.BodyInvalid";
    public const string NotFound = "Question.NotFound";
}
