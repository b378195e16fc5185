using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Notes;

public static class NotesRegistration
{
    /// <summary>Composing notes, the composer's suggestions, the feeds, note pages and topics.</summary>
    public static IServiceCollection AddNotes(this IServiceCollection services) => services
        .AddSingleton<NoteService>()
        .AddSingleton<UserQueries>()
        .AddSingleton<FeedQueries>()
        .AddSingleton<NoteQueries>()
        .AddSingleton<TopicQueries>();
}
