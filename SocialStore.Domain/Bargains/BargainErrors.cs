namespace SocialStore.Domain.Bargains;

/// <summary>Resource keys of the bargain rules (BargainResource in the web project gives the messages).</summary>
public static class BargainErrors
{
    public const string CampaignNotFound = "Bargain.CampaignNotFound";
    public const string BargainNotFound = "Bargain.BargainNotFound";
    public const string FloorInvalid = "Bargain.FloorInvalid";
    public const string FloorNotBelowPrice = "Bargain.FloorNotBelowPrice";
    public const string HelpersInvalid = "Bargain.HelpersInvalid";
    public const string CutTooSmall = "Bargain.CutTooSmall";
    public const string TimeLimitInvalid = "Bargain.TimeLimitInvalid";
    public const string WindowInvalid = "Bargain.WindowInvalid";
    public const string StockInvalid = "Bargain.StockInvalid";
    public const string StockAboveProduct = "Bargain.StockAboveProduct";
    public const string SkuInvalid = "Bargain.SkuInvalid";
    public const string AdminOnly = "Bargain.AdminOnly";
    public const string NotRunning = "Bargain.NotRunning";
    public const string AlreadyOpen = "Bargain.AlreadyOpen";
    public const string SelfHelp = "Bargain.SelfHelp";
    public const string AlreadyHelped = "Bargain.AlreadyHelped";
    public const string FloorReached = "Bargain.FloorReached";
    public const string Expired = "Bargain.Expired";
    public const string Closed = "Bargain.Closed";
    public const string NotOwner = "Bargain.NotOwner";
    public const string SoldOut = "Bargain.SoldOut";
    public const string AddressRequired = "Bargain.AddressRequired";
    public const string KeyInvalid = "Bargain.KeyInvalid";
    public const string TooManyUnpaid = "Bargain.TooManyUnpaid";
    public const string RateLimited = "Bargain.RateLimited";
}
