using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public static class NoteServiceCollectionExtensions
{
    /// <summary>Composing notes and the composer's suggestions (topics are in TopicQueries, registered with the feed).</summary>
    public static IServiceCollection AddNoteComposing(this IServiceCollection services) => services
        .AddSingleton<NoteService>()
        .AddSingleton<UserQueries>();
}
