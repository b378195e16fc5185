namespace SocialStore.Domain.Audit;

/// <summary>
/// One action of a member of staff (admin or moderator): who did what to which target, why, and the
/// value before and after. Rows are only ever added: nothing in the product edits or deletes them.
/// </summary>
public class AuditEntry
{
    public const int ActionMaxLength = 40;
    public const int TargetTypeMaxLength = 20;
    public const int TargetIdMaxLength = 64;
    public const int ReasonMaxLength = 500;
    public const int ValueMaxLength = 200;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    /// <summary>A stable code such as <c>role.grant</c>; the UI turns it into words.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of thing acted on: <c>user</c>, <c>note</c>, …</summary>
    public string TargetType { get; set; } = "";

    public string TargetId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Before { get; set; } = "";

    public string After { get; set; } = "";
}

/// <summary>The action codes written to the audit log.</summary>
public static class AuditActions
{
    public const string RoleGrant = "role.grant";
    public const string RoleRevoke = "role.revoke";
}

public static class AuditTargets
{
    public const string User = "user";
}
