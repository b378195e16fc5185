namespace SocialStore.Domain.Rewards;

/// <summary>Resource keys of the reward settings' rules (the Web project's RewardResource gives the messages).</summary>
public static class RewardErrors
{
    public const string AdminOnly = "Reward.AdminOnly";
    public const string CampaignRequired = "Reward.CampaignRequired";
    public const string CampaignInvalid = "Reward.CampaignInvalid";
    public const string PointsInvalid = "Reward.PointsInvalid";
}
