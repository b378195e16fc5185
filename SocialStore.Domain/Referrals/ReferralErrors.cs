namespace SocialStore.Domain.Referrals;

/// <summary>Resource keys of the referral and commission rules (the Web project's ReferralResource gives the messages).</summary>
public static class ReferralErrors
{
    public const string AdminOnly = "Referral.AdminOnly";
    public const string NotACreator = "Referral.NotACreator";
    public const string NothingToWithdraw = "Referral.NothingToWithdraw";
    public const string BalanceNegative = "Referral.BalanceNegative";
    public const string PayoutConflict = "Referral.PayoutConflict";
    public const string PayoutNotFound = "Referral.PayoutNotFound";
    public const string RateInvalid = "Referral.RateInvalid";
    public const string DaysInvalid = "Referral.DaysInvalid";
    public const string UserNotFound = "Referral.UserNotFound";
    public const string ProductNotFound = "Referral.ProductNotFound";
    public const string LevelNotFound = "Referral.LevelNotFound";
}
