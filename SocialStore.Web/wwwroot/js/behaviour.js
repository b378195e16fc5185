// The view beacon (ADR-045 §1): when a note or product page is left (tab hidden, page closed, or an enhanced
// navigation to another page), send one POST with how long it was on screen. The server counts a view once per
// client, item and dwell window, however often this is sent.
let current = null;
function start() {
    const el = document.querySelector("[data-track-view]");
    current = el ? { kind: el.dataset.trackKind || "note", id: el.dataset.trackView, start: performance.now(), sent: false } : null;
}
function flush() {
    if (!current || current.sent) return;
    current.sent = true;
    const form = new FormData();
    form.append("kind", current.kind);
    form.append("id", current.id);
    form.append("dwell", String(Math.round(performance.now() - current.start)));
    navigator.sendBeacon?.("/events/view", form);
}
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
window.addEventListener("pagehide", flush);
window.Blazor?.addEventListener?.("enhancedload", () => { flush(); start(); });
start();
