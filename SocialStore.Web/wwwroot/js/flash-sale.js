// Flash-sale countdowns: tick every second and flip the panel at the start (the buy button turns on) and at the end
// (it turns off). The server rendered the state of its moment and decides again when the button is pressed.
function pad(n) { return String(n).padStart(2, "0"); }

function tick(root) {
    const now = Date.now();
    const starts = Number(root.dataset.starts), ends = Number(root.dataset.ends);
    const state = now < starts ? "upcoming" : now < ends ? "live" : "ended";
    const left = state === "upcoming" ? starts - now : state === "live" ? ends - now : 0;
    const label = root.querySelector("[data-flash-label]");
    const clock = root.querySelector("[data-flash-clock]");
    const s = Math.floor(left / 1000);
    const days = Math.floor(s / 86400);
    const text = left <= 0 ? "" : (days > 0 ? root.dataset.textDays.replace("{0}", days) : "") + `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
    if (clock && clock.textContent !== text) clock.textContent = text;
    if (root.dataset.state === state) return;
    root.dataset.state = state;
    if (label) label.textContent = state === "upcoming" ? root.dataset.labelStarts : state === "live" ? root.dataset.labelEnds : root.dataset.labelEnded;
    root.querySelectorAll("[data-flash-button]").forEach((b) => {
        if (b.tagName !== "BUTTON" || b.dataset.soldOut) return;
        b.disabled = state !== "live";
        b.textContent = state === "live" ? root.dataset.textBuy : state === "ended" ? root.dataset.textEnded : b.textContent;
    });
}

const roots = new Set();
function scan() {
    document.querySelectorAll("[data-flash]").forEach((root) => { roots.add(root); tick(root); });
}
setInterval(() => roots.forEach((root) => (root.isConnected ? tick(root) : roots.delete(root))), 1000);
scan();
document.addEventListener("DOMContentLoaded", scan);
window.Blazor?.addEventListener?.("enhancedload", scan);
