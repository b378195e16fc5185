namespace SocialStore.Web;

/// <summary>Marker for the account (Identity) UI strings in Resources/AccountResource(.zh-CN).resx.</summary>
public sealed class AccountResource;
