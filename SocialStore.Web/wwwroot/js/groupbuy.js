// Live countdowns of group buys: every element with data-countdown="<ISO instant>" shows the time left as hh:mm:ss.
// The server renders the same text first, so the page reads right without JavaScript.
function format(ms) {
    if (ms <= 0) return '00:00:00';
    const s = Math.floor(ms / 1000);
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map(v => String(v).padStart(2, '0')).join(':');
}

function tick() {
    const now = Date.now();
    for (const el of document.querySelectorAll('[data-countdown]')) {
        const end = Date.parse(el.getAttribute('data-countdown'));
        if (!Number.isNaN(end)) el.textContent = format(end - now);
    }
}

if (!window.__groupBuyCountdown) {
    window.__groupBuyCountdown = setInterval(tick, 1000);
    tick();
}
