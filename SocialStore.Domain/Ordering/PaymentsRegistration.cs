using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class PaymentsRegistration
{
    /// <summary>Payments (start, callbacks, the sandbox's sender), the outbox dispatcher and the unpaid-order timeout.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxCallbackOptions>().Bind(configuration.GetSection(SandboxCallbackOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<UnpaidOrderOptions>().Bind(configuration.GetSection(UnpaidOrderOptions.Section));

        services.AddSingleton<PaymentService>();
        services.AddSingleton<PaymentCallbackProcessor>();
        services.AddSingleton<PaymentAdminQueries>();

        services.AddHttpClient(SandboxCallbackSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SandboxCallbackSender>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxCallbackSender>());

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxHandler, OutboxOrderUpdateHandler>();
        services.AddSingleton<IOutboxHandler, PaymentAutoRefundHandler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();

        services.AddSingleton<UnpaidOrderSweeper>();
        services.AddHostedService<UnpaidOrderWorker>();
        return services;
    }
}
