using System.Globalization;
using SocialStore.Domain.Live;

namespace SocialStore.Domain.Ordering;

/// <summary>Resource keys of the cart, address and checkout rules that <see cref="OrderErrors"/> does not name.</summary>
public static class CartErrors
{
    public const string NotEnoughStock = "Cart.NotEnoughStock";
    public const string CheckoutKeyInvalid = "Checkout.KeyInvalid";
    public const string RateLimited = "Checkout.RateLimited";
    public const string TooManyUnpaid = "Checkout.TooManyUnpaid";
    public const string TooManyUnits = "Checkout.TooManyUnits";
    public const string AddressNotFound = "Address.NotFound";
    public const string AddressTooMany = "Address.TooMany";
    public const string RecipientRequired = "Address.RecipientRequired";
    public const string RecipientTooLong = "Address.RecipientTooLong";
    public const string MobileInvalid = "Address.MobileInvalid";
    public const string RegionRequired = "Address.RegionRequired";
    public const string RegionTooLong = "Address.RegionTooLong";
    public const string DetailRequired = "Address.DetailRequired";
    public const string DetailTooLong = "Address.DetailTooLong";
}

/// <summary>One line of a cart as the shopper sees it: the SKU now, and what it cost when it went in.</summary>
public sealed record CartLineView(
    long ProductId, long SkuId, string ProductTitle, string SkuLabel, string CoverKey, string Currency,
    decimal Price, decimal PriceWhenAdded, int Quantity, int Stock, bool Available)
{
    /// <summary>Current price minus the price when added: negative = cheaper now.</summary>
    public decimal PriceChange => Price - PriceWhenAdded;

    /// <summary>On shelf and enough in stock for the quantity in the cart.</summary>
    public bool CanBuy => Available && Stock >= Quantity;

    public decimal Subtotal => Price * Quantity;
}

public sealed record CartView(IReadOnlyList<CartLineView> Lines)
{
    public static readonly CartView Empty = new([]);

    /// <summary>The number on the cart badge: pieces, not lines.</summary>
    public int Count => Lines.Sum(l => l.Quantity);
}

/// <summary>
/// Tells open pages (the cart badge) that a signed-in person's cart changed: the new count on the live bus
/// topic <see cref="LiveTopics.Cart"/>, so the person's tabs agree on every node (ADR-052, ADR-058).
/// Anonymous carts have no badge and publish nothing. Publish only after the change is committed.
/// </summary>
public sealed class CartNotifier(ILiveBus? bus = null)
{
    private readonly ILiveBus bus = bus ?? new InProcessLiveBus();

    public IDisposable Subscribe(string ownerKey, Func<int, Task> onCount)
    {
        if (CartItem.UserIdOf(ownerKey) is not { } userId) return NoSubscription.Instance;
        return bus.Subscribe(LiveTopics.Cart(userId), payload =>
            int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? onCount(count) : Task.CompletedTask);
    }

    public Task PublishAsync(string ownerKey, int count) =>
        CartItem.UserIdOf(ownerKey) is { } userId && bus.MayHaveSubscribers(LiveTopics.Cart(userId))
            ? bus.PublishAsync(LiveTopics.Cart(userId), count.ToString(CultureInfo.InvariantCulture))
            : Task.CompletedTask;

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose() { }
    }
}

/// <summary>What a person types into the address form.</summary>
public sealed record AddressInput(string? Recipient, string? Mobile, string? Province, string? City, string? District, string? Detail);

public sealed record AddressFieldError(string Field, string Code, object[] Arguments);

/// <summary>Settings of the checkout, bound to the "Ordering" section.</summary>
public sealed class CheckoutOptions
{
    public const string Section = "Ordering";

    /// <summary>An order not paid within this time is cancelled and its stock released.</summary>
    public TimeSpan UnpaidTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Orders one person may place per minute (DESIGN §5: buying is rate-limited).</summary>
    public int MaxOrdersPerMinute { get; set; } = 10;

    /// <summary>Orders awaiting payment one person may have at once: each holds its stock until paid or timed out.</summary>
    public int MaxOpenUnpaidOrders { get; set; } = 5;

    /// <summary>Units of one SKU in one order, so one unpaid order cannot hold a product's whole stock.</summary>
    public int MaxUnitsPerSku { get; set; } = 20;
}

/// <summary>A checkout as the page shows it: the chosen cart lines, their price, the addresses to pick from.</summary>
public sealed record CheckoutPreview(
    IReadOnlyList<CartLineView> Lines, PriceQuote? Quote, IReadOnlyList<Address> Addresses, string Currency)
{
    public IReadOnlyList<CartLineView> Unavailable => [.. Lines.Where(l => !l.CanBuy)];

    public IReadOnlyList<CartLineView> PriceChanged => [.. Lines.Where(l => l.Available && l.PriceChange != 0)];

    public bool CanPlace => Lines.Count > 0 && Unavailable.Count == 0 && PriceChanged.Count == 0 && Addresses.Count > 0;
}

/// <summary>Place an order for these SKUs of the buyer's cart (all of it when <see cref="SkuIds"/> is empty).</summary>
public sealed record PlaceOrderRequest(string BuyerId, string CheckoutKey, long AddressId, IReadOnlyCollection<long> SkuIds, PricingChoices? Choices = null);

/// <summary>The order the checkout made, or found: <see cref="Created"/> is false when the same checkout key had already made it.</summary>
public sealed record PlaceOrderResult(long OrderId, string Number, decimal Total, bool Created);
