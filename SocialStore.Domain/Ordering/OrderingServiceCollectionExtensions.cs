using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

public static class OrderingServiceCollectionExtensions
{
    /// <summary>Buying: pricing, cart and checkout, payments, order management (each area registers its own services).</summary>
    public static IServiceCollection AddOrdering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShippingOptions>().Bind(configuration.GetSection(ShippingOptions.Section));
        services.AddSingleton<IPriceAdjuster, ShippingAdjuster>();
        services.AddSingleton<PricingPipeline>();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section));
        services.AddSingleton<SandboxGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
        services.AddCartAndCheckout(configuration);
        services.AddPayments(configuration);
        services.AddOrderManagement(configuration);
        return services;
    }
}
