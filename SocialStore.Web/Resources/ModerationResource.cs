namespace SocialStore.Web;

/// <summary>Marker for the moderation strings (reports, the queue, notices, the audit log) in Resources/ModerationResource(.zh-CN).resx.</summary>
public sealed class ModerationResource;
