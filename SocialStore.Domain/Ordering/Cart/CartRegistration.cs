using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class CartRegistration
{
    public static IServiceCollection AddCartAndCheckout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckoutOptions>().Bind(configuration.GetSection(CheckoutOptions.Section));
        services.AddSingleton<CartNotifier>();
        services.AddSingleton<CartService>();
        services.AddSingleton<AddressService>();
        services.AddSingleton<CheckoutService>();

        services.AddOptions<AnonymousCartOptions>().Bind(configuration.GetSection(AnonymousCartOptions.Section));
        services.AddSingleton<AnonymousCartCleaner>();
        services.AddHostedService<AnonymousCartWorker>();
        return services;
    }
}
