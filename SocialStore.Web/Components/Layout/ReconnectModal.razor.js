// The .NET 10 reconnect flow (as in the Blazor Web App template), plus one addition for phones: a page
// hidden for a while pauses its circuit (the server keeps its state, not its memory) and resumes when
// it is shown again; if the server no longer has it, the page reloads rather than staying dead.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

const pauseWhenHiddenMs = 120_000;
let pauseTimer = null;
let pausedWhileHidden = false;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "paused" || state === "retrying") {
        if (!reconnectModal.open && !(state === "paused" && pausedWhileHidden)) reconnectModal.showModal();
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

document.addEventListener("visibilitychange", async () => {
    if (document.visibilityState === "hidden") {
        clearTimeout(pauseTimer);
        pauseTimer = setTimeout(async () => {
            try { pausedWhileHidden = await Blazor.pauseCircuit(); } catch { pausedWhileHidden = false; }
        }, pauseWhenHiddenMs);
        return;
    }
    clearTimeout(pauseTimer);
    if (pausedWhileHidden) {
        pausedWhileHidden = false;
        await resume();
    }
});
