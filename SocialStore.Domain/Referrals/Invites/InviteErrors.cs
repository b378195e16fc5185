namespace SocialStore.Domain.Referrals.Invites;

/// <summary>Resource keys of the invite rules (the Web project's InviteResource gives the messages).</summary>
public static class InviteErrors
{
    public const string AdminOnly = "Invite.AdminOnly";
    public const string SelfReferral = "Invite.SelfReferral";
    public const string Cycle = "Invite.Cycle";
    public const string UserNotFound = "Invite.UserNotFound";
    public const string AlreadyBound = "Invite.AlreadyBound";
    public const string CodeUnknown = "Invite.CodeUnknown";
}
