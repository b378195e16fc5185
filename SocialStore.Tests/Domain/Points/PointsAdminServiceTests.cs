using System.Security.Claims;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Points;

namespace SocialStore.Tests.Domain.Points;

/// <summary>The points back office: rules only admins change, validated, applied from then on; a member's ledger found by handle.</summary>
public class PointsAdminServiceTests
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "points-admin"), new(ClaimTypes.Role, Roles.Admin)], "test"));
    private static readonly ClaimsPrincipal Moderator = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "mod"), new(ClaimTypes.Role, Roles.Moderator)], "test"));

    private static PointsRulesInput Input(int rate = 100, int share = 50, int checkIn = 5) => new(1, rate, share, 12, checkIn, 1, 5, 20);

    [Fact]
    public async Task SaveRules_ByAdmin_AppliesToTheNextCheckIn_BadValuesAndModeratorsRefused()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var service = new PointsAdminService(bed.Db.Factory, bed.Clock);

        Assert.Equal(PointsErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => service.SaveRulesAsync(Moderator, Input(), default))).Code);
        // 30 points per yuan would make a point worth 3.33… fen.
        Assert.Equal(PointsErrors.RulesInvalid, (await Assert.ThrowsAsync<DomainException>(() => service.SaveRulesAsync(Admin, Input(rate: 30), default))).Code);
        Assert.Equal(PointsErrors.RulesInvalid, (await Assert.ThrowsAsync<DomainException>(() => service.SaveRulesAsync(Admin, Input(share: 101), default))).Code);
        Assert.Equal(100, (await service.RulesAsync(Admin, default)).PointsPerYuan);

        await service.SaveRulesAsync(Admin, Input(rate: 50, checkIn: 12), default);
        await service.SaveRulesAsync(Admin, Input(rate: 50, checkIn: 12), default);

        var rules = await service.RulesAsync(Admin, default);
        Assert.Equal((50, 12), (rules.PointsPerYuan, rules.CheckInPoints));
        var user = await bed.UserAsync("member");
        Assert.Equal(12, (await bed.Points.CheckInAsync(user.Id, default)).Points);
        await bed.CreditAsync(user.Id, 30, "referral:1");

        var member = await service.MemberAsync(Admin, "@member", default);
        Assert.NotNull(member);
        Assert.Equal((42, 42, 1, 2), (member.Balance, member.LedgerSum, member.CheckIns, member.Entries.Count));
        Assert.Null(await service.MemberAsync(Admin, "nobody", default));
    }
}
