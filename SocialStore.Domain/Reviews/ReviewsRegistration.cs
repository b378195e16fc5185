using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Reviews;

public static class ReviewsRegistration
{
    /// <summary>Product reviews and questions &amp; answers.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .AddSingleton<ReviewService>()
        .AddSingleton<QuestionService>();
}
