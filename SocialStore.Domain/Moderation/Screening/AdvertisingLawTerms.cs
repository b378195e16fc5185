namespace SocialStore.Domain.Moderation.Screening;

/// <summary>
/// Absolute terms the Advertising Law (广告法 Art. 9(3)) forbids in advertising. Always applied to commercial
/// text (product titles and descriptions, notes that tag a product), holding it for review; never to
/// ordinary notes. Moderators add more with a commercial-only word list entry.
/// </summary>
public static class AdvertisingLawTerms
{
    public static readonly IReadOnlyList<string> All =
    [
        "国家级", "世界级", "最高级", "最佳", "最好", "最优", "最大", "最低价", "第一", "全网第一", "唯一", "独一无二",
        "顶级", "顶尖", "首选", "首个", "首家", "极致", "极品", "绝对", "万能", "史无前例", "全球领先",
    ];

    /// <summary>Everyday words containing a term above, never held for it (allow-list entries win over shorter matches).</summary>
    public static readonly IReadOnlyList<string> Allowed =
    [
        "第一次", "第一天", "第一步", "第一眼", "第一印象", "第一口", "最好看", "最大号",
    ];
}
