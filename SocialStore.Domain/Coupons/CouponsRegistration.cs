using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Coupons;

public static class CouponsRegistration
{
    public static IServiceCollection AddCoupons(this IServiceCollection services)
    {
        services.AddSingleton<CouponService>();
        services.AddSingleton<IPriceAdjuster, CouponAdjuster>();
        return services;
    }
}
