using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Profiles;

public static class ProfilesRegistration
{
    /// <summary>Profile pages, privacy settings and the personal-data export.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services) => services
        .AddSingleton<ProfileQueries>()
        .AddSingleton<PrivacyService>()
        .AddSingleton<PersonalDataExporter>();
}
