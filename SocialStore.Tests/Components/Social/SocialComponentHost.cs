using System.Security.Claims;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Components.Social;

/// <summary>Renders the social components as a signed-in user or a visitor, with the services of a test bed (or none, for pure markup).</summary>
public static class SocialComponentHost
{
    public static Task<IDocument> RenderAsync<TComponent>(
        IDictionary<string, object?> parameters, string? userId, SocialTestBed? bed = null, string culture = "zh-CN")
        where TComponent : IComponent =>
        ComponentRenderer.RenderAsync<TComponent>(parameters, culture, services =>
        {
            services.AddCascadingAuthenticationState();
            services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationStateProvider(userId));
            services.AddScoped<SocialStore.Web.Services.BadgeCountsMemo>();
            if (bed is not null)
            {
                services.AddSingleton<TimeProvider>(bed.Clock);
                services.AddSingleton<INotificationBus>(bed.Bus);
                services.AddSingleton(bed.Notifications);
                services.AddSingleton(bed.Likes);
                services.AddSingleton(bed.Collects);
                services.AddSingleton(bed.Comments);
                services.AddSingleton(bed.Follows);
                services.AddSingleton(new SocialStore.Domain.Identity.UserQueries(bed.Db.Factory));
            }
            else
            {
                // Markup-only tests: the services are injected but never called.
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<INotificationBus>(new InProcessNotificationBus());
                var notifications = new NotificationService(null!, TimeProvider.System, new InProcessNotificationBus());
                services.AddSingleton(notifications);
                services.AddSingleton(new LikeService(null!, TimeProvider.System, notifications));
                services.AddSingleton(new CollectService(null!, TimeProvider.System, notifications));
                services.AddSingleton(new CommentService(null!, TimeProvider.System, notifications));
                services.AddSingleton(new FollowService(null!, TimeProvider.System, notifications));
                services.AddSingleton(new SocialStore.Domain.Identity.UserQueries(null!));
            }
        });

    private sealed class FixedAuthenticationStateProvider(string? userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var identity = userId is null
                ? new ClaimsIdentity()
                : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], authenticationType: "Test");
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }
}
