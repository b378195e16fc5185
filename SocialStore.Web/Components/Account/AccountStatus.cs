namespace SocialStore.Web.Components.Account;

/// <summary>
/// Status messages are localised text, so "is this an error?" cannot be read from the wording
/// (the template checked for an English "Error" prefix); a fixed marker travels with the text instead.
/// </summary>
public static class AccountStatus
{
    private const string ErrorMarker = "error:";

    public static string Error(string message) => ErrorMarker + message;

    public static bool IsError(string message) => message.StartsWith(ErrorMarker, StringComparison.Ordinal);

    public static string Text(string message) => IsError(message) ? message[ErrorMarker.Length..] : message;
}
