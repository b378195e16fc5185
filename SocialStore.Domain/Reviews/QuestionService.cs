using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Reviews;

public sealed record AnswerView(long Id, string AuthorName, string Body, bool ByBuyer, DateTimeOffset CreatedAt);

public sealed record QuestionView(long Id, string AskerName, string Body, DateTimeOffset CreatedAt, IReadOnlyList<AnswerView> Answers);

/// <summary>A page of a product's questions; <see cref="NextAfter"/> is the cursor of the next page (null on the last).</summary>
public sealed record QuestionPage(int Count, IReadOnlyList<QuestionView> Questions, long? NextAfter);

/// <summary>Q&amp;A on a product: anyone signed in asks or answers; answers from buyers are marked and listed first.</summary>
public sealed class QuestionService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, NotificationService notifications, Limits.ActionLimiter limiter, SocialStore.Domain.Moderation.Screening.ContentScreen screen)
{
    public async Task<long> AskAsync(string userId, long productId, string body, CancellationToken cancellationToken)
    {
        var text = Check(body, ProductQuestion.BodyMaxLength, QuestionErrors.BodyInvalid);
        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            if (!await db.Products.AnyAsync(p => p.Id == productId && p.Status == ProductStatus.OnSale, ct)) throw new DomainException(CatalogErrors.ProductNotFound);
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Question, ct);
            var verdict = await screen.CheckAsync(db, userId, new(), [text], clock.GetUtcNow(), ct);
            var question = new ProductQuestion { ProductId = productId, AskerId = userId, Body = verdict.Texts[0], CreatedAt = clock.GetUtcNow() };
            db.Add(question);
            await db.SaveChangesAsync(ct);
            await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Question, question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, clock.GetUtcNow(), ct);
            return question.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Adds an answer and, in the same transaction, a notification for the asker (not when they answer
    /// their own question); their open pages hear of it after commit.
    /// </summary>
    public async Task<long> AnswerAsync(string userId, long questionId, string body, CancellationToken cancellationToken)
    {
        var text = Check(body, ProductAnswer.BodyMaxLength, QuestionErrors.AnswerInvalid);
        var (answerId, notified) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            var question = await db.Set<ProductQuestion>().AsNoTracking()
                .Where(q => q.Id == questionId && db.Products.Any(p => p.Id == q.ProductId && p.Status == ProductStatus.OnSale))
                .Select(q => new { q.ProductId, q.AskerId })
                .FirstOrDefaultAsync(ct) ?? throw new DomainException(QuestionErrors.NotFound);
            var byBuyer = await db.PurchaseRecords.AnyAsync(p => p.UserId == userId && p.ProductId == question.ProductId && p.Source == PurchaseSource.Order, ct);
            var now = clock.GetUtcNow();
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Question, ct);
            var verdict = await screen.CheckAsync(db, userId, new(), [text], now, ct);
            var answer = new ProductAnswer { QuestionId = questionId, AuthorId = userId, Body = verdict.Texts[0], ByBuyer = byBuyer, CreatedAt = now };
            db.Add(answer);
            var notify = verdict.Action != SocialStore.Domain.Moderation.Screening.ScreenAction.Hold
                && NotificationService.Add(db, question.AskerId, NotificationKind.Answer, userId, null, null, now, question.ProductId, questionId);
            await db.SaveChangesAsync(ct);
            // In the database, so two answers at once both count.
            await db.Set<ProductQuestion>().Where(q => q.Id == questionId)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnswerCount, q => q.AnswerCount + 1), ct);
            // After the count: a held answer is hidden, and leaves the count, like a moderator's hide.
            await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Answer, answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, now, ct);
            return (answer.Id, notify ? question.AskerId : null);
        }, cancellationToken);
        if (notified is not null) await notifications.PublishUnreadAsync([notified], cancellationToken);
        return answerId;
    }

    public const int PageSize = 10;

    /// <summary>The newest questions with their answers, buyers' answers first.</summary>
    public async Task<IReadOnlyList<QuestionView>> ListAsync(long productId, int take, CancellationToken cancellationToken) =>
        (await PageAsync(productId, null, take, cancellationToken)).Questions;

    /// <summary>
    /// How many questions the product has and a page of them, newest first, each with its answers (buyers'
    /// answers first), after the question <paramref name="after"/>: one round trip.
    /// </summary>
    public async Task<QuestionPage> PageAsync(long productId, long? after, int take, CancellationToken cancellationToken)
    {
        take = Math.Clamp(take, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questions = db.Set<ProductQuestion>().Where(q => q.ProductId == productId && !q.IsHidden);
        if (after is { } a) questions = questions.Where(q => q.Id < a);
        var all = db.Set<ProductQuestion>().Where(q => q.ProductId == productId && !q.IsHidden);
        // The count rides along on every row; only an empty page after a cursor needs a query of its own.
        var rows = await (from q in questions.AsNoTracking()
                          join asker in db.Users on q.AskerId equals asker.Id
                          orderby q.Id descending
                          select new
                          {
                              q.Id,
                              AskerName = asker.DisplayName,
                              q.Body,
                              q.CreatedAt,
                              Answers = (from x in db.Set<ProductAnswer>()
                                         join author in db.Users on x.AuthorId equals author.Id
                                         where x.QuestionId == q.Id && !x.IsHidden
                                         orderby x.ByBuyer descending, x.Id
                                         select new AnswerView(x.Id, author.DisplayName, x.Body, x.ByBuyer, x.CreatedAt))
                                  .ToList(),
                              Count = all.Count(),
                          })
            .Take(take + 1)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return new QuestionPage(after is null ? 0 : await all.CountAsync(cancellationToken), [], null);
        var count = rows[0].Count;
        var hasMore = rows.Count > take;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var list = rows.Select(q => new QuestionView(q.Id, q.AskerName, q.Body, q.CreatedAt, q.Answers)).ToList();
        return new QuestionPage(count, list, hasMore ? list[^1].Id : null);
    }

    private static string Check(string? body, int max, string code)
    {
        var text = UserText.Paragraphs(body);
        if (text.Length == 0 || text.Length > max) throw new DomainException(code, max);
        return text;
    }
}
