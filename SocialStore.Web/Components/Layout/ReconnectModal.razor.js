// The .NET 10 reconnect flow, as in the Blazor Web App template: a phone that slept retries when it is
// shown again; a circuit the server no longer has is resumed, or the page reloads rather than staying dead.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
// A listener, not an onclick attribute: the Content-Security-Policy allows no inline handlers (ADR-029).
document.getElementById("components-reload-link").addEventListener("click", event => {
    event.preventDefault();
    location.reload();
});

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "paused" || state === "retrying") {
        if (!reconnectModal.open) reconnectModal.showModal();
    } else if (state === "hide") {
        reconnectModal.close();
    } else if (state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (state === "rejected") {
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server answered but no longer has the circuit; throws: unreachable.
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed) location.reload(); else reconnectModal.close();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) location.reload(); else reconnectModal.close();
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") await retry();
}
