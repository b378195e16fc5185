using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialStore.Domain.Ordering;

public sealed class SandboxCallbackOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>Whether the sandbox posts its callbacks (tests switch it off and post their own).</summary>
    public bool SendCallbacks { get; set; } = true;

    /// <summary>
    /// Where the callbacks go when not to the public origin (App:PublicOrigin), e.g. an internal "http://127.0.0.1:5000";
    /// operator configuration only, never the host a shopper's request named.
    /// </summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>A real provider reports a moment later, not while the shopper's browser is still redirecting.</summary>
    public int CallbackDelayMilliseconds { get; set; } = 600;

    public int MaxAttempts { get; set; } = 8;

    public int QueueCapacity { get; set; } = 1000;
}

/// <summary>What the shopper chose on the hosted page.</summary>
public enum SandboxChoice
{
    Pay,
    Cancel,
    Fail,
}

public sealed record SandboxDelivery(Uri Target, string Body, string Signature);

public enum SandboxQueueResult
{
    Queued,
    Disabled,
    Full,
}

/// <summary>
/// The sandbox provider's outgoing side: turns the shopper's choice into a signed callback and posts it to the
/// app's <c>/payments/callback/sandbox</c> from a background service, after a short delay, retrying with
/// backoff until it gets a 2xx — as hosted providers do. The queue is bounded: when it is full the hosted
/// page says "try again" instead of dropping a callback silently.
/// </summary>
public sealed class SandboxCallbackSender(
    SandboxGateway gateway, IHttpClientFactory httpFactory, TimeProvider clock, IOptions<SandboxCallbackOptions> options,
    IPublicOrigin origin, ILogger<SandboxCallbackSender> logger) : BackgroundService
{
    public const string HttpClientName = "sandbox-callbacks";
    public const string CallbackPath = "/payments/callback/sandbox";
    private const int ParallelDeliveries = 16;

    private readonly Channel<SandboxDelivery> queue = Channel.CreateBounded<SandboxDelivery>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly SemaphoreSlim slots = new(ParallelDeliveries, ParallelDeliveries);

    public static string EventFor(SandboxChoice choice) => choice switch
    {
        SandboxChoice.Pay => SandboxCallbackBody.Succeeded,
        SandboxChoice.Fail => SandboxCallbackBody.Failed,
        _ => SandboxCallbackBody.Cancelled,
    };

    /// <summary>
    /// The signed callback for a choice. Its id is derived from the session and the event, so a double click on
    /// "Pay" sends the same callback twice (and the app applies it once), as a provider's retry would.
    /// It goes to the configured public origin (or <see cref="SandboxCallbackOptions.CallbackBaseUrl"/>), never to
    /// the host named by the shopper's request: a forged Host header must not aim signed requests elsewhere.
    /// </summary>
    public SandboxDelivery Build(SandboxSession session, SandboxChoice choice)
    {
        var evt = EventFor(choice);
        var body = new SandboxCallbackBody(
            "cb_" + gateway.Sign("callback:" + session.SessionId + ":" + evt)[..24],
            session.SessionId,
            evt,
            session.Amount,
            session.Currency,
            choice == SandboxChoice.Pay ? gateway.TransactionIdFor(session.SessionId) : null,
            clock.GetUtcNow()).ToJson();
        var root = string.IsNullOrWhiteSpace(options.Value.CallbackBaseUrl) ? origin.Origin : new Uri(options.Value.CallbackBaseUrl);
        return new SandboxDelivery(new Uri(root, CallbackPath), body, gateway.Sign(body));
    }

    public SandboxQueueResult Enqueue(SandboxDelivery delivery)
    {
        if (!options.Value.SendCallbacks) return SandboxQueueResult.Disabled;
        return queue.Writer.TryWrite(delivery) ? SandboxQueueResult.Queued : SandboxQueueResult.Full;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await DeliverAsync(delivery, stoppingToken);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping; undelivered sandbox callbacks are lost like a provider outage, and the unpaid timeout cleans up.
        }
    }

    /// <summary>Posts one callback until the app answers 2xx; a 4xx other than 408/429 is final (the app refused it and logged why).</summary>
    public async Task<bool> DeliverAsync(SandboxDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, settings.CallbackDelayMilliseconds)), clock, cancellationToken);
            using var http = httpFactory.CreateClient(HttpClientName);
            for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target)
                    {
                        Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add(SandboxGateway.SignatureHeader, delivery.Signature);
                    using var response = await http.SendAsync(request, cancellationToken);
                    if (response.IsSuccessStatusCode) return true;
                    var code = (int)response.StatusCode;
                    if (code is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
                    {
                        logger.LogWarning("Sandbox callback to {Target} refused with {Status}; not retried", delivery.Target, code);
                        return false;
                    }
                    logger.LogInformation("Sandbox callback attempt {Attempt} answered {Status}", attempt, code);
                }
                catch (HttpRequestException ex)
                {
                    logger.LogInformation(ex, "Sandbox callback attempt {Attempt} failed", attempt);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, attempt - 1))), clock, cancellationToken);
            }
            logger.LogWarning("Sandbox callback to {Target} gave up after {Attempts} attempts", delivery.Target, settings.MaxAttempts);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
