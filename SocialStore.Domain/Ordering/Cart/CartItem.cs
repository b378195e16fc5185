namespace SocialStore.Domain.Ordering;

/// <summary>
/// One SKU in someone's cart. A cart belongs to an owner key: <c>u:{userId}</c> for a signed-in person,
/// <c>a:{token}</c> for an anonymous visitor (the token lives in a cookie). Signing in moves the
/// anonymous lines to the account. One line per owner and SKU (unique index), so a double click adds
/// to the quantity instead of making a second line.
/// </summary>
public class CartItem
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;
    public const int OwnerKeyMaxLength = 64;

    public long Id { get; set; }

    public string OwnerKey { get; set; } = "";

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public int Quantity { get; set; }

    /// <summary>The SKU's price when it was added (or last confirmed), so the cart can say the price changed since.</summary>
    public decimal PriceWhenAdded { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string UserOwner(string userId) => "u:" + userId;

    /// <summary>The signed-in user of a <see cref="UserOwner"/> key; null for an anonymous cart.</summary>
    public static string? UserIdOf(string ownerKey) => ownerKey.StartsWith("u:", StringComparison.Ordinal) ? ownerKey[2..] : null;

    public static string AnonymousOwner(string token) => "a:" + token;
}
