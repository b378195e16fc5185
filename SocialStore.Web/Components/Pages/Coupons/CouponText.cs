using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Components.Pages.Coupons;

/// <summary>How a coupon reads: its rule (满100减20 / 8折), its big figure, what it needs, where it applies, until when.</summary>
public static class CouponText
{
    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>20 (percent off) reads "20% off" in English and "8折" in Chinese (8.5折 for 15).</summary>
    public static string Percent(int percentOff) =>
        Chinese ? ((100 - percentOff) / 10m).ToString("0.#", CultureInfo.InvariantCulture) : percentOff.ToString(CultureInfo.InvariantCulture);

    public static string Rule(IStringLocalizer t, CouponKind kind, decimal threshold, decimal amount, int percentOff, decimal cap) => kind switch
    {
        CouponKind.SpendAndSave => t["Rule.SpendAndSave", Money.Format(threshold, "CNY"), Money.Format(amount, "CNY")],
        CouponKind.PercentOff when threshold > 0 => t["Rule.PercentOffMin", Percent(percentOff), Money.Format(cap, "CNY"), Money.Format(threshold, "CNY")],
        CouponKind.PercentOff => t["Rule.PercentOff", Percent(percentOff), Money.Format(cap, "CNY")],
        _ => t["Rule.NoThreshold", Money.Format(amount, "CNY")],
    };

    public static string Big(IStringLocalizer t, CouponKind kind, decimal amount, int percentOff) =>
        kind == CouponKind.PercentOff ? t["Big.PercentOff", Percent(percentOff)] : Money.Format(amount, "CNY");

    public static string Needs(IStringLocalizer t, CouponKind kind, decimal threshold) =>
        kind == CouponKind.NoThreshold || threshold <= 0 ? t["Needs.None"] : t["Needs.Threshold", Money.Format(threshold, "CNY")];

    public static string Scope(IStringLocalizer t, CouponScope scope, string? categoryName, int productCount) => scope switch
    {
        CouponScope.Category => t["Scope.Category", categoryName ?? "?"],
        CouponScope.Products => t["Scope.Products", productCount],
        _ => t["Scope.AllProducts"],
    };

    /// <summary>"V2 members and above" for a member-only campaign; a rank the level table no longer has reads as the rank ("L5").</summary>
    public static string MemberOnly(IStringLocalizer t, IReadOnlyList<SocialStore.Domain.Levels.LevelInput> levels, int rank) =>
        t["MemberOnly", rank < levels.Count ? levels[rank].Name : "L" + rank.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Shop time (Beijing), to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(OrderQueries.ShopOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToOffset(OrderQueries.ShopOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
