using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Common;
using SocialStore.Web.Services;

namespace SocialStore.Web.Components.Pages.Social;

/// <summary>
/// What the small live components share: the signed-in user's id, the "circuit is live" marker
/// (<c>data-ready="true"</c>, set after the first interactive render so tests know clicks will work),
/// a cancellation token for the component's lifetime, and turning failures into localised messages.
/// The components carry no render mode: the page that places them chooses it.
/// </summary>
public abstract class InteractiveIsland : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource lifetime = new();

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    protected IStringLocalizer<SocialResource> S { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    private SocialStore.Domain.Live.ILiveBus LiveBus { get; set; } = default!;

    private readonly List<IDisposable> subscriptions = [];

    /// <summary>The signed-in user, or null for a visitor.</summary>
    protected string? UserId { get; private set; }

    protected bool Ready { get; private set; }

    /// <summary>Value of the <c>data-ready</c> attribute: "true" once interactive, absent before.</summary>
    protected string? ReadyMarker => Ready ? "true" : null;

    protected CancellationToken Lifetime => lifetime.Token;

    protected static string LoginUrl(string returnUrl) => "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var state = await AuthenticationState;
            UserId = state.User.Identity?.IsAuthenticated == true ? state.User.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;
        }
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        // Only runs in a live circuit (never while prerendering): the buttons now respond.
        if (firstRender)
        {
            Ready = true;
            StateHasChanged();
        }
        return Task.CompletedTask;
    }

    /// <summary>True while an action from a click runs: the component's buttons are disabled and live counts wait.</summary>
    protected bool Busy { get; set; }

    /// <summary>
    /// The toggle the like, collect and follow buttons (and a comment's like) share: unless another action runs or the
    /// reader is a visitor, <paramref name="show"/> the expected state at once, run <paramref name="act"/> for the
    /// signed-in user, and return its result; when it fails, <paramref name="undo"/> the change and return null with
    /// the localised message. The caller then shows the result the database gave (the real count).
    /// </summary>
    protected async Task<(TResult? Result, string? Error)> ToggleOptimisticallyAsync<TResult>(Action show, Action undo, Func<string, Task<TResult>> act)
        where TResult : class
    {
        if (Busy || UserId is not { } user) return (null, null);
        Busy = true;
        try
        {
            show();
            TResult? result = null;
            var error = await TryAsync(async () => result = await act(user));
            if (result is null) undo();
            return (result, error);
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Runs an action from a click; a broken rule becomes its localised message, anything else a generic one (and a log entry).</summary>
    protected async Task<string?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException ex)
        {
            return DomainMessages.For(ex, S);
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(ex, "A social action failed");
            return DomainMessages.Generic(S);
        }
    }

    /// <summary>
    /// Live updates (ADR-052): calls <paramref name="onMessage"/> on this component's circuit, in the reader's
    /// culture, for each payload published on <paramref name="topic"/>, then re-renders; stops when the
    /// component goes. Call it from <c>OnAfterRenderAsync(firstRender)</c>, i.e. only in a live circuit.
    /// </summary>
    protected void Listen(string topic, Func<string, Task> onMessage)
    {
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        var subscription = LiveBus.Subscribe(topic, payload => InvokeAsync(async () =>
        {
            if (lifetime.IsCancellationRequested) return;
            // The message arrives on the bus's thread, whose culture would flow into the render: keep the reader's.
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
            await onMessage(payload);
            StateHasChanged();
        }));
        lock (subscriptions) subscriptions.Add(subscription);
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
            subscriptions.Clear();
        }
        lifetime.Cancel();
        lifetime.Dispose();
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeCore()
    {
    }
}
