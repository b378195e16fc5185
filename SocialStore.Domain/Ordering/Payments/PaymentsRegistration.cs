using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class PaymentsRegistration
{
    /// <summary>Payments (start; with the sandbox its callbacks and sender), the outbox dispatcher, the unpaid-order timeout and the trimming of refused-callback incidents.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, bool sandbox)
    {
        services.AddOptions<SandboxCallbackOptions>().Bind(configuration.GetSection(SandboxCallbackOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<UnpaidOrderOptions>().Bind(configuration.GetSection(UnpaidOrderOptions.Section));

        services.AddSingleton<PaymentService>();
        services.AddSingleton<PaymentAdminQueries>();

        if (sandbox)
        {
            services.AddSingleton<PaymentCallbackProcessor>();
            services.AddHttpClient(SandboxCallbackSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<SandboxCallbackSender>();
            services.AddHostedService(sp => sp.GetRequiredService<SandboxCallbackSender>());
        }

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxHandler, OutboxOrderUpdateHandler>();
        services.AddSingleton<IOutboxHandler, PaymentAutoRefundHandler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();

        services.AddSingleton<UnpaidOrderSweeper>();
        services.AddHostedService<UnpaidOrderWorker>();

        services.AddOptions<PaymentIncidentOptions>().Bind(configuration.GetSection(PaymentIncidentOptions.Section));
        services.AddSingleton<PaymentIncidentCleaner>();
        services.AddHostedService<PaymentIncidentWorker>();
        return services;
    }
}
