namespace SocialStore.Domain.GroupBuys;

/// <summary>Resource keys of the group-buy rules (GroupBuyResource in the web project gives the messages).</summary>
public static class GroupBuyErrors
{
    public const string CampaignNotFound = "GroupBuy.CampaignNotFound";
    public const string GroupNotFound = "GroupBuy.GroupNotFound";
    public const string PriceInvalid = "GroupBuy.PriceInvalid";
    public const string PriceNotBelowSingle = "GroupBuy.PriceNotBelowSingle";
    public const string SizeInvalid = "GroupBuy.SizeInvalid";
    public const string TimeLimitInvalid = "GroupBuy.TimeLimitInvalid";
    public const string WindowInvalid = "GroupBuy.WindowInvalid";
    public const string StockInvalid = "GroupBuy.StockInvalid";
    public const string StockAboveProduct = "GroupBuy.StockAboveProduct";
    public const string PerUserLimitInvalid = "GroupBuy.PerUserLimitInvalid";
    public const string SkuInvalid = "GroupBuy.SkuInvalid";
    public const string NotRunning = "GroupBuy.NotRunning";
    public const string SoldOut = "GroupBuy.SoldOut";
    public const string GroupFull = "GroupBuy.GroupFull";
    public const string GroupClosed = "GroupBuy.GroupClosed";
    public const string AlreadyMember = "GroupBuy.AlreadyMember";
    public const string LimitReached = "GroupBuy.LimitReached";
    public const string AddressRequired = "GroupBuy.AddressRequired";
    public const string KeyInvalid = "GroupBuy.KeyInvalid";
    public const string AdminOnly = "GroupBuy.AdminOnly";
    public const string NotYetSucceeded = "GroupBuy.NotYetSucceeded";
    public const string LeaderPriceInvalid = "GroupBuy.LeaderPriceInvalid";
    public const string TooManyUnpaid = "GroupBuy.TooManyUnpaid";
    public const string RateLimited = "GroupBuy.RateLimited";
}
