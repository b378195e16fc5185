using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The JSON the sandbox posts to <c>/payments/callback/sandbox</c>, signed with
/// <c>X-Sandbox-Signature: hex(HMAC-SHA256(secret, raw body))</c>.
/// </summary>
public sealed record SandboxCallbackBody(
    [property: JsonPropertyName("callbackId")] string CallbackId,
    [property: JsonPropertyName("sessionId")] string SessionId,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("transactionId")] string? TransactionId,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> Events = [Succeeded, Failed, Cancelled];

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Null when the body is not a complete, well-formed callback.</summary>
    public static SandboxCallbackBody? TryParse(string body)
    {
        SandboxCallbackBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<SandboxCallbackBody>(body);
        }
        catch (JsonException)
        {
            return null;
        }
        if (parsed is null
            || string.IsNullOrWhiteSpace(parsed.CallbackId) || parsed.CallbackId.Length > PaymentCallback.CallbackIdMaxLength
            || string.IsNullOrWhiteSpace(parsed.SessionId) || parsed.SessionId.Length > Payment.ReferenceMaxLength
            || !Events.Contains(parsed.Event)
            || parsed.Amount <= 0
            || parsed.Currency is not { Length: 3 }
            || parsed.TransactionId is { Length: > Payment.ReferenceMaxLength }
            || (parsed.Event == Succeeded && string.IsNullOrWhiteSpace(parsed.TransactionId)))
            return null;
        return parsed;
    }
}
