using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// Finds elements the way a person (or a screen reader) does: a button by its name, a field by its label,
/// a message by its role. Names are compared after collapsing white space.
/// </summary>
public static partial class AccessibleQueries
{
    /// <summary>The one button whose accessible name (aria-label, else its text) contains <paramref name="name"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        Single(cut.FindAll("button"), name, "button");

    /// <summary>The one button inside <paramref name="scope"/> whose accessible name contains <paramref name="name"/>.</summary>
    public static IElement Button(this IElement scope, string name) =>
        Single(scope.QuerySelectorAll("button"), name, "button");

    /// <summary>Every button whose accessible name contains <paramref name="name"/>.</summary>
    public static IReadOnlyList<IElement> Buttons<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.FindAll("button").Where(b => AccessibleName(b).Contains(name, StringComparison.Ordinal)).ToList();

    /// <summary>The text of the live region(s) with this role ("status" or "alert"), joined; empty when none says anything.</summary>
    public static string Said<T>(this IRenderedComponent<T> cut, string role) where T : IComponent =>
        string.Join(" ", cut.FindAll($"[role={role}]").Select(e => Collapse(e.TextContent)).Where(t => t.Length > 0));

    /// <summary>The form field labelled <paramref name="label"/> (a &lt;label for&gt;, or an aria-label).</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var byFor = cut.FindAll("label[for]").Where(l => Collapse(l.TextContent) == label).Select(l => l.GetAttribute("for")).ToList();
        var fields = cut.FindAll("input, textarea, select")
            .Where(f => byFor.Contains(f.Id) || f.GetAttribute("aria-label") == label).ToList();
        return fields.Count == 1 ? fields[0] : throw new InvalidOperationException($"{fields.Count} fields labelled '{label}'.");
    }

    /// <summary>What a field holds now (Blazor writes a textarea's value as its <c>value</c> attribute).</summary>
    public static string Value(this IElement field) => field.GetAttribute("value") ?? field.TextContent;

    public static bool IsPressed(this IElement button) => button.GetAttribute("aria-pressed") == "true";

    public static string AccessibleName(IElement element) =>
        element.GetAttribute("aria-label") is { Length: > 0 } label ? Collapse(label) : Collapse(element.TextContent);

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    private static IElement Single(IEnumerable<IElement> candidates, string name, string role)
    {
        var matches = candidates.Where(e => AccessibleName(e).Contains(name, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException($"No {role} named '{name}'."),
            _ => throw new InvalidOperationException($"{matches.Count} {role}s named '{name}': {string.Join(" | ", matches.Select(AccessibleName))}"),
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
