namespace SocialStore.Domain.RedPackets;

/// <summary>Resource keys of the red-packet rules (the Web project's RedPacketResource gives the messages).</summary>
public static class RedPacketErrors
{
    public const string AdminOnly = "RedPacket.AdminOnly";
    public const string NotFound = "RedPacket.NotFound";
    public const string TitleInvalid = "RedPacket.TitleInvalid";
    public const string SlotsInvalid = "RedPacket.SlotsInvalid";
    public const string TotalInvalid = "RedPacket.TotalInvalid";
    public const string ExpiryInvalid = "RedPacket.ExpiryInvalid";
    public const string Expired = "RedPacket.Expired";
    public const string AllClaimed = "RedPacket.AllClaimed";
    public const string AlreadyClaimed = "RedPacket.AlreadyClaimed";
}
