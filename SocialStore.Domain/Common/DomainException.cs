namespace SocialStore.Domain.Common;

/// <summary>
/// A rule of the domain was broken by the caller's input. <see cref="Code"/> is a resource key
/// the UI turns into a localised message; <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class DomainException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public object[] Arguments { get; } = arguments;
}
