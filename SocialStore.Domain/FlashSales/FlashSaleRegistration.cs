using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialStore.Domain.FlashSales;

public static class FlashSaleRegistration
{
    public static IServiceCollection AddFlashSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FlashSaleOptions>().Bind(configuration.GetSection(FlashSaleOptions.Section));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<FlashSaleOptions>>().Value;
            var concurrency = o.ConcurrentReservationsPerItem ?? FlashSaleOptions.DefaultConcurrency(sp.GetRequiredService<Data.DatabaseInfo>().Provider);
            return new FlashSaleGate(sp.GetRequiredService<TimeProvider>(), Math.Max(1, concurrency), o.SoldOutRecheck);
        });
        services.AddSingleton<FlashSaleDirectory>();
        services.AddSingleton<FlashSaleService>();
        services.AddSingleton<FlashSaleQueries>();
        return services;
    }
}
