using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Hosting;

/// <summary>
/// Production guards for payments (ADR-027): the sandbox gateway runs in Development, or elsewhere only when an
/// operator sets Payments:Sandbox:Enabled=true, and then start-up refuses a missing, public-default or short
/// secret. Outside Development App:PublicOrigin is required, sandbox or not (issue 11). Each refusal is a
/// <see cref="StartupException"/>: one clear line.
/// </summary>
public static class PaymentGuards
{
    public const string SandboxEnabledKey = SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled);

    private const string SecretKey = SandboxOptions.Section + ":" + nameof(SandboxOptions.Secret);

    /// <summary>Checks the payment settings; returns whether the sandbox gateway runs and the configured public origin, if any.</summary>
    public static (bool Sandbox, Uri? Origin) Check(IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        var originText = configuration[PublicOrigin.ConfigurationKey];
        Uri? origin = null;
        if (!string.IsNullOrWhiteSpace(originText))
        {
            origin = PublicOrigin.TryParse(originText, out var problem);
            if (origin is null) throw new StartupException($"{PublicOrigin.ConfigurationKey} \"{originText}\" {problem}.");
        }

        bool sandbox;
        try
        {
            sandbox = OrderingRegistration.SandboxEnabled(configuration, byDefault: development);
        }
        catch (InvalidOperationException)
        {
            throw new StartupException($"{SandboxEnabledKey} must be true or false.");
        }
        if (development) return (sandbox, origin);

        var environmentName = environment.EnvironmentName;
        if (sandbox && SandboxOptions.SecretProblem(configuration[SecretKey]) is { } secretProblem)
            throw new StartupException(
                $"the sandbox payment gateway is enabled in {environmentName} but {SecretKey} {secretProblem}; set a random secret of at least {SandboxOptions.MinimumSecretLength} characters, or remove {SandboxEnabledKey}.");
        if (sandbox && origin is null)
            throw new StartupException(
                $"the sandbox payment gateway is enabled in {environmentName} but {PublicOrigin.ConfigurationKey} is not set; set the shop's public address, e.g. https://shop.example.com.");
        // Issue 11: outside Development every absolute URL (email links, share links, Open Graph, payment URLs)
        // comes from the configured origin, so a forged Host header can never reach a mail or a callback.
        if (origin is null)
            throw new StartupException(
                $"{PublicOrigin.ConfigurationKey} is not set; outside Development set the shop's public address, e.g. https://shop.example.com (links in emails, share links and payment URLs are built from it).");
        return (sandbox, origin);
    }
}

/// <summary>
/// The public origin: App:PublicOrigin when configured; otherwise (Development) the server's own listening
/// address with a wildcard host read as localhost — never the Host header of a request.
/// </summary>
public sealed partial class ServerPublicOrigin(IServer server, Uri? configured) : IPublicOrigin
{
    private static readonly Uri Fallback = new("http://localhost/");

    private Uri? listening;

    /// <remarks>Before the server listens (or on an in-memory test server) this is http://localhost/, and asked again next time.</remarks>
    public Uri Origin => configured ?? listening ?? (listening = Listening()) ?? Fallback;

    private Uri? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Uri? best = null;
        foreach (var address in addresses)
        {
            var match = AddressPattern().Match(address);
            if (!match.Success) continue;
            var host = match.Groups["host"].Value is "*" or "+" or "[::]" or "0.0.0.0" ? "localhost" : match.Groups["host"].Value;
            var candidate = new Uri($"{match.Groups["scheme"].Value}://{host}{match.Groups["port"].Value}/");
            // Plain http first: the callback is the app calling itself, no certificate to trust.
            if (best is null || (best.Scheme == "https" && candidate.Scheme == "http")) best = candidate;
        }
        return best;
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^:/]+)(?<port>:\d+)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();
}
