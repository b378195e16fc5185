namespace SocialStore.Domain.Ordering;

/// <summary>A Chinese postal address: 省 / 市 / 区, detail, recipient and mobile. A person keeps several, one default.</summary>
public class Address
{
    public const int MaxPerUser = 20;
    public const int RecipientMaxLength = 20;
    public const int RegionMaxLength = 20;
    public const int DetailMaxLength = 120;
    public const int MobileLength = 11;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Recipient { get; set; } = "";

    /// <summary>A mainland mobile number: 11 digits starting with 1.</summary>
    public string Mobile { get; set; } = "";

    public string Province { get; set; } = "";

    public string City { get; set; } = "";

    public string District { get; set; } = "";

    public string Detail { get; set; } = "";

    public bool IsDefault { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string MaskedMobile => MaskMobile(Mobile);

    /// <summary>"13812345678" → "138****5678": lists and order pages show numbers masked.</summary>
    public static string MaskMobile(string mobile) =>
        mobile.Length == MobileLength ? string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(7)) : new string('*', mobile.Length);

    public static bool IsValidMobile(string mobile) =>
        mobile.Length == MobileLength && mobile[0] == '1' && mobile.All(char.IsAsciiDigit);
}
