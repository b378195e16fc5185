using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public class AddressServiceTests
{
    [Theory]
    [InlineData("", "13812345678", CartErrors.RecipientRequired)]
    [InlineData("张三", "1381234567", CartErrors.MobileInvalid)]
    [InlineData("张三", "23812345678", CartErrors.MobileInvalid)]
    [InlineData("张三", "1381234567a", CartErrors.MobileInvalid)]
    [InlineData("张三张三张三张三张三张三张三张三张三张三张", "13812345678", CartErrors.RecipientTooLong)]
    public void Validate_BadInput_NamesTheField(string recipient, string mobile, string code)
    {
        var errors = AddressService.Validate(CartTestBed.Home with { Recipient = recipient, Mobile = mobile });
        Assert.Equal(code, Assert.Single(errors).Code);
    }

    [Fact]
    public void Validate_SpacedMobile_IsFine_AndMaskHidesTheMiddle()
    {
        Assert.Empty(AddressService.Validate(CartTestBed.Home with { Mobile = "138 1234 5678" }));
        Assert.Equal("138****5678", Address.MaskMobile("13812345678"));
        Assert.Equal(3, AddressService.Validate(CartTestBed.Home with { Province = " ", City = null, District = "" }).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DefaultAddress_FirstIsDefault_SetOneUnsetsOthers_DeletePromotes(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var user = await bed.UserAsync("buyer");
        var first = await bed.Addresses.AddAsync(user.Id, CartTestBed.Home, makeDefault: false, default);
        Assert.True(first.IsDefault);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await bed.Addresses.AddAsync(user.Id, CartTestBed.Home with { Detail = "公司" }, makeDefault: false, default);
        Assert.False(second.IsDefault);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await bed.Addresses.AddAsync(user.Id, CartTestBed.Home with { Detail = "父母家" }, makeDefault: true, default);

        Assert.Equal(third.Id, Assert.Single(await bed.Addresses.ListAsync(user.Id, default), a => a.IsDefault).Id);
        await bed.Addresses.SetDefaultAsync(user.Id, first.Id, default);
        Assert.Equal(first.Id, Assert.Single(await bed.Addresses.ListAsync(user.Id, default), a => a.IsDefault).Id);

        await bed.Addresses.DeleteAsync(user.Id, first.Id, default);
        var left = await bed.Addresses.ListAsync(user.Id, default);
        Assert.Equal(2, left.Count);
        Assert.Equal(third.Id, Assert.Single(left, a => a.IsDefault).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetDefault_ManyAtOnce_ExactlyOneDefault(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var user = await bed.UserAsync("buyer");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add((await bed.Addresses.AddAsync(user.Id, CartTestBed.Home with { Detail = $"{i} 号" }, false, default)).Id);

        await Task.WhenAll(ids.Select(id => Task.Run(() => bed.Addresses.SetDefaultAsync(user.Id, id, default))));

        Assert.Equal(1, await bed.QueryAsync(db => db.Addresses.CountAsync(a => a.UserId == user.Id && a.IsDefault)));
    }

    [Fact]
    public async Task Add_OverTheLimitOrSomeoneElses_Refused()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var user = await bed.UserAsync("buyer");
        var other = await bed.UserAsync("other");
        for (var i = 0; i < Address.MaxPerUser; i++) await bed.Addresses.AddAsync(user.Id, CartTestBed.Home, false, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Addresses.AddAsync(user.Id, CartTestBed.Home, false, default));
        Assert.Equal(CartErrors.AddressTooMany, error.Code);
        var mine = (await bed.Addresses.ListAsync(user.Id, default))[0];
        Assert.Equal(CartErrors.AddressNotFound, (await Assert.ThrowsAsync<DomainException>(() => bed.Addresses.DeleteAsync(other.Id, mine.Id, default))).Code);
        Assert.Equal(CartErrors.AddressNotFound, (await Assert.ThrowsAsync<DomainException>(() => bed.Addresses.SetDefaultAsync(other.Id, mine.Id, default))).Code);
        Assert.Equal(Address.MaxPerUser, (await bed.Addresses.ListAsync(user.Id, default)).Count);
        Assert.Null(await bed.Addresses.FindAsync(other.Id, mine.Id, default));
    }
}
