using System.Globalization;
using System.Resources;

namespace SocialStore.Web.Components.Account;

/// <summary>
/// Localised DataAnnotations messages and field names for the account forms.
/// DataAnnotations reads them through <c>ErrorMessageResourceType</c> / <c>Display(ResourceType)</c>,
/// which need public static string properties; Blazor's validator has no IStringLocalizer hook.
/// The texts live in AccountResource(.zh-CN).resx, next to the rest of the account UI.
/// </summary>
public static class AccountValidation
{
    private static readonly ResourceManager Resources =
        new("SocialStore.Web.Resources.AccountResource", typeof(AccountResource).Assembly);

    public static string Required => Get("Validation.Required");
    public static string EmailAddress => Get("Validation.EmailAddress");
    public static string Phone => Get("Validation.Phone");
    public static string StringLength => Get("Validation.StringLength");
    public static string StringLengthMax => Get("Validation.StringLengthMax");
    public static string PasswordsDiffer => Get("Validation.PasswordsDiffer");

    public static string Email => Get("Field.Email");
    public static string NewEmail => Get("Field.NewEmail");
    public static string DisplayName => Get("Field.DisplayName");
    public static string Password => Get("Field.Password");
    public static string ConfirmPassword => Get("Field.ConfirmPassword");
    public static string CurrentPassword => Get("Field.CurrentPassword");
    public static string NewPassword => Get("Field.NewPassword");
    public static string ConfirmNewPassword => Get("Field.ConfirmNewPassword");
    public static string AuthenticatorCode => Get("Field.AuthenticatorCode");
    public static string VerificationCode => Get("Field.VerificationCode");
    public static string RecoveryCode => Get("Field.RecoveryCode");
    public static string PhoneNumber => Get("Field.PhoneNumber");
    public static string PasskeyName => Get("Field.PasskeyName");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
