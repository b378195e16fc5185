// Infinite scroll on top of the server-rendered "more" link (which works without JavaScript):
// when the link comes into view, fetch the next page and append its block of cards.
let observer;
async function load(link) {
    if (link.dataset.loading) return;
    link.dataset.loading = "true";
    try {
        const response = await fetch(link.href, { headers: { accept: "text/html" } });
        if (!response.ok) throw new Error(response.status);
        const doc = new DOMParser().parseFromString(await response.text(), "text/html");
        const nav = link.closest(".feed-more");
        const next = doc.querySelector("[data-testid=feed]");
        if (next) nav.before(document.adoptNode(next));
        const more = doc.querySelector(".feed-more, .feed-end");
        if (more) nav.replaceWith(document.adoptNode(more)); else nav.remove();
        scan();
    } catch {
        delete link.dataset.loading; // leave the plain link for the user to click
    }
}
function scan() {
    observer ??= new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && load(e.target)), { rootMargin: "600px 0px" });
    document.querySelectorAll("[data-infinite]:not([data-observed])").forEach((link) => {
        link.dataset.observed = "true";
        observer.observe(link);
    });
}
scan();
window.Blazor?.addEventListener?.("enhancedload", scan);
