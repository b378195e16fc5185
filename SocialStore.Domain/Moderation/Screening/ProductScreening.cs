using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Moderation.Screening;

/// <summary>
/// Word screening of the admin product editor's title, subtitle and description (ADR-055). Product text is
/// commercial text, so the advertising-law terms apply (广告法 Art. 9(3): 国家级, 最佳, 第一 …). A product is
/// not a reviewable target and has no held state, so what would hold a note refuses the save here, naming
/// the terms so the editor can rewrite them at once; blocked words refuse without naming anything (as
/// everywhere); replaced words are masked; a flag-only entry lets the text through.
/// </summary>
public static class ProductScreening
{
    public static async Task<(string Title, string Subtitle, string Description)> CheckAsync(
        ContentScreen screen, SocialStoreDbContext db, string editorId, string title, string subtitle, string description,
        DateTimeOffset now, CancellationToken ct)
    {
        var verdict = await screen.CheckAsync(db, editorId, new ScreenContext(Commercial: true), [title, subtitle, description], now, ct);
        if (verdict.Action == ScreenAction.Hold)
        {
            var terms = string.Join("、", verdict.Terms.Take(10).Select(t => "「" + t + "」"));
            throw new DomainException(
                verdict.Reason == ScreenReason.AdvertisingLaw ? ScreeningErrors.ProductAdvertisingLaw : ScreeningErrors.ProductHeldTerms, terms);
        }
        return (verdict.Texts[0], verdict.Texts[1], verdict.Texts[2]);
    }
}
