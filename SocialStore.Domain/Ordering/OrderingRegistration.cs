using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialStore.Domain.Ordering;

public static class OrderingRegistration
{
    /// <summary>
    /// Buying: pricing, cart and checkout, payments, order management (each area registers its own services).
    /// The sandbox gateway is registered when Payments:Sandbox:Enabled is true, or when it is unset and
    /// <paramref name="sandboxByDefault"/> (the web host passes "is Development"); otherwise
    /// <see cref="UnavailablePaymentGateway"/> stands behind <see cref="IPaymentGateway"/>.
    /// </summary>
    public static IServiceCollection AddOrdering(this IServiceCollection services, IConfiguration configuration, bool sandboxByDefault = false)
    {
        services.AddOptions<ShippingOptions>().Bind(configuration.GetSection(ShippingOptions.Section));
        services.AddSingleton<IPriceAdjuster, ShippingAdjuster>();
        services.AddSingleton<PricingPipeline>();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section));
        var sandbox = SandboxEnabled(configuration, sandboxByDefault);
        if (sandbox)
        {
            services.AddSingleton<SandboxGateway>();
            services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
        }
        else
        {
            services.AddSingleton<IPaymentGateway, UnavailablePaymentGateway>();
        }
        // The web host registers its own (configured, or its listening address in Development) first.
        services.TryAddSingleton<IPublicOrigin>(_ => new ConfiguredPublicOrigin(
            PublicOrigin.TryParse(configuration[PublicOrigin.ConfigurationKey], out var problem)
                ?? throw new InvalidOperationException($"{PublicOrigin.ConfigurationKey} {problem}.")));
        services.AddCartAndCheckout(configuration);
        services.AddPayments(configuration, sandbox);
        services.AddOrderManagement(configuration);
        return services;
    }

    /// <summary>Payments:Sandbox:Enabled when set, otherwise <paramref name="byDefault"/>.</summary>
    public static bool SandboxEnabled(IConfiguration configuration, bool byDefault) =>
        configuration.GetValue<bool?>(SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled)) ?? byDefault;
}
