using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Web.Components.Account;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class AccountLocalisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task IdentityErrorDescriber_IsTheLocalisedOne_AndTranslatesEveryError()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        Assert.IsType<LocalizedIdentityErrorDescriber>(describer);
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError) && m.IsVirtual)
            .ToList();
        Assert.True(methods.Count >= 22);

        foreach (var method in methods)
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "someone").ToArray();
            var zh = InCulture("zh-CN", () => (IdentityError)method.Invoke(describer, arguments)!);
            var en = InCulture("en-US", () => (IdentityError)method.Invoke(describer, arguments)!);

            Assert.Equal(method.Name, zh.Code);
            Assert.DoesNotContain("IdentityError.", zh.Description);
            Assert.DoesNotContain("IdentityError.", en.Description);
            Assert.NotEqual(en.Description, zh.Description);
            if (arguments.Length > 0) Assert.Contains(arguments[0].ToString()!, zh.Description);
        }
    }

    [Fact]
    public void AccountValidation_EveryMessageAndFieldName_ExistsInBothLanguages()
    {
        var properties = typeof(AccountValidation).GetProperties(BindingFlags.Public | BindingFlags.Static);
        Assert.NotEmpty(properties);

        foreach (var property in properties)
        {
            var zh = InCulture("zh-CN", () => (string)property.GetValue(null)!);
            var en = InCulture("en-US", () => (string)property.GetValue(null)!);

            Assert.False(zh.StartsWith("Validation.") || zh.StartsWith("Field."), $"{property.Name} has no resource");
            Assert.NotEqual(en, zh);
        }
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return action(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }
}
