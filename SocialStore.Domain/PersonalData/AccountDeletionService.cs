using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.PersonalData;

/// <summary>Settings of the "Privacy:AccountDeletion" section.</summary>
public sealed class AccountDeletionOptions
{
    public const string Section = "Privacy:AccountDeletion";

    public bool Enabled { get; set; } = true;

    /// <summary>Days between the request and the erasure, in which signing in cancels it (default 14).</summary>
    public int GraceDays { get; set; } = 14;

    /// <summary>How often due requests are looked for (default every 15 minutes).</summary>
    public int SweepMinutes { get; set; } = 15;

    /// <summary>At most this many accounts are erased per round (default 20); the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 20;
}

public static class AccountDeletionErrors
{
    /// <summary>The password typed to confirm the deletion is wrong.</summary>
    public const string WrongPassword = "AccountDeletion.WrongPassword";

    /// <summary>Neither "remove my content" nor "keep it anonymised" was chosen.</summary>
    public const string ChoiceRequired = "AccountDeletion.ChoiceRequired";

    /// <summary>The account is already erased.</summary>
    public const string AlreadyErased = "AccountDeletion.AlreadyErased";
}

public sealed record AccountDeletionState(DeletionStatus Status, DeletionContent Content, DateTimeOffset RequestedAt, DateTimeOffset DueAt, DateTimeOffset? CancelledAt);

/// <summary>
/// Requests and cancels account deletions (ADR-051). The erasure itself is <see cref="AccountEraser"/>'s.
/// Every change is one conditional statement whose affected-row count decides, so a sign-in that cancels and
/// the worker that erases never both win.
/// </summary>
public sealed class AccountDeletionService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<AccountDeletionOptions> options)
{
    public TimeSpan GracePeriod => TimeSpan.FromDays(Math.Max(0, options.Value.GraceDays));

    /// <summary>
    /// Records the request (or keeps the pending one as it is) and returns when the account will be erased.
    /// The caller signs the person out everywhere (security stamp).
    /// </summary>
    public async Task<DateTimeOffset> RequestAsync(string userId, DeletionContent content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!Enum.IsDefined(content)) throw new DomainException(AccountDeletionErrors.ChoiceRequired);
        var now = clock.GetUtcNow();
        var due = now + GracePeriod;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A cancelled request becomes a new one; a pending one keeps its date; an erased account stays erased.
        var reopened = await db.AccountDeletions.Where(d => d.UserId == userId && d.Status == DeletionStatus.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeletionStatus.Pending).SetProperty(d => d.RequestedAt, now)
                .SetProperty(d => d.DueAt, due).SetProperty(d => d.Content, content).SetProperty(d => d.CancelledAt, (DateTimeOffset?)null), cancellationToken);
        if (reopened == 0)
        {
            db.AccountDeletions.Add(new AccountDeletion { UserId = userId, RequestedAt = now, DueAt = due, Content = content, Status = DeletionStatus.Pending });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // A row exists: pending (a second press) or done.
            }
        }
        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await read.AccountDeletions.AsNoTracking().Where(d => d.UserId == userId).Select(d => new { d.Status, d.DueAt }).SingleAsync(cancellationToken);
        if (row.Status == DeletionStatus.Done) throw new DomainException(AccountDeletionErrors.AlreadyErased);
        return row.DueAt;
    }

    /// <summary>
    /// Cancels a pending deletion because the person signed in; true when this call cancelled one (tell them).
    /// A request already erased (or being erased) is not cancelled.
    /// </summary>
    public async Task<bool> CancelOnSignInAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AccountDeletions.Where(d => d.UserId == userId && d.Status == DeletionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeletionStatus.Cancelled).SetProperty(d => d.CancelledAt, now), cancellationToken) > 0;
    }

    /// <summary>Whether the account was erased (it can never sign in again).</summary>
    public async Task<bool> IsErasedAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AccountDeletions.AnyAsync(d => d.UserId == userId && d.Status == DeletionStatus.Done, cancellationToken);
    }

    public async Task<AccountDeletionState?> StateAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AccountDeletions.AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new AccountDeletionState(d.Status, d.Content, d.RequestedAt, d.DueAt, d.CancelledAt)).FirstOrDefaultAsync(cancellationToken);
    }
}
