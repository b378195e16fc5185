using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Moderation.Screening;

public sealed record WordRow(long Id, string Term, string Normalized, ScreenAction Action, bool CommercialOnly, string CreatedByHandle, DateTimeOffset CreatedAt);

/// <summary>
/// The word list, managed by moderators and admins: add and remove entries (each written to the audit log);
/// every change drops <see cref="ContentScreen"/>'s cached index. An entry must be non-empty once normalised
/// and at most <see cref="ScreeningWord.TermMaxLength"/> characters; one entry per normalised term (unique index).
/// </summary>
public sealed class WordListService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, ContentScreen screen)
{
    public const string AuditAdd = "screening.word.add";
    public const string AuditRemove = "screening.word.remove";
    public const string AuditTarget = "word";

    public async Task<IReadOnlyList<WordRow>> ListAsync(ClaimsPrincipal actor, string? search, CancellationToken cancellationToken)
    {
        ModerationService.RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<ScreeningWord>().AsNoTracking();
        var normalized = ScreeningText.Normalize(search);
        if (normalized.Length > 0) query = query.Where(w => w.Normalized.Contains(normalized));
        return await (from w in query
                      join u in db.Users on w.CreatedById equals u.Id
                      orderby w.Id descending
                      select new WordRow(w.Id, w.Term, w.Normalized, w.Action, w.CommercialOnly, u.Handle, w.CreatedAt))
            .Take(500).ToListAsync(cancellationToken);
    }

    public async Task<long> AddAsync(ClaimsPrincipal actor, string? term, ScreenAction action, bool commercialOnly, CancellationToken cancellationToken)
    {
        var actorId = ModerationService.RequireStaff(actor);
        var trimmed = (term ?? "").Trim();
        if (!Enum.IsDefined(action)) throw new DomainException(ScreeningErrors.ActionInvalid);
        if (TextLength.Graphemes(trimmed) > ScreeningWord.TermMaxLength || trimmed.Length > ScreeningWord.TermMaxLength * 2)
            throw new DomainException(ScreeningErrors.TermTooLong, ScreeningWord.TermMaxLength);
        var normalized = ScreeningText.Normalize(trimmed);
        if (normalized.Length == 0) throw new DomainException(ScreeningErrors.TermRequired);
        var id = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var word = new ScreeningWord
            {
                Term = trimmed,
                Normalized = normalized,
                Action = action,
                CommercialOnly = commercialOnly,
                CreatedById = actorId,
                CreatedAt = now,
            };
            if (!await UniqueInsert.TryInsertAsync(db, word, ct)) throw new DomainException(ScreeningErrors.TermExists, trimmed);
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                ActorId = actorId,
                Action = AuditAdd,
                TargetType = AuditTarget,
                TargetId = word.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Reason = "",
                Before = "",
                After = $"{action}{(commercialOnly ? " commercial" : "")}: {trimmed}",
            });
            await db.SaveChangesAsync(ct);
            return word.Id;
        }, cancellationToken);
        screen.Invalidate();
        return id;
    }

    public async Task RemoveAsync(ClaimsPrincipal actor, long id, CancellationToken cancellationToken)
    {
        var actorId = ModerationService.RequireStaff(actor);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var word = await db.Set<ScreeningWord>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
            if (word is null || await db.Set<ScreeningWord>().Where(w => w.Id == id).ExecuteDeleteAsync(ct) == 0)
                throw new DomainException(ScreeningErrors.WordNotFound);
            db.AuditLog.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                ActorId = actorId,
                Action = AuditRemove,
                TargetType = AuditTarget,
                TargetId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Reason = "",
                Before = $"{word.Action}{(word.CommercialOnly ? " commercial" : "")}: {word.Term}",
                After = "",
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        screen.Invalidate();
    }
}
