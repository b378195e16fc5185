// Image carousels: arrows and dots follow the scroll position; arrow keys work on the focused track
// (native scroll-snap), and swiping is plain scrolling. Without this script the arrows are anchors.
function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    const track = root.querySelector(".carousel-track");
    const dots = root.querySelectorAll(".carousel-dots span");
    const index = () => Math.round(track.scrollLeft / track.clientWidth);
    const go = (i) => track.scrollTo({ left: i * track.clientWidth });
    root.querySelector("[data-carousel-prev]")?.addEventListener("click", (e) => { e.preventDefault(); go(Math.max(0, index() - 1)); });
    root.querySelector("[data-carousel-next]")?.addEventListener("click", (e) => { e.preventDefault(); go(Math.min(dots.length - 1, index() + 1)); });
    track.addEventListener("keydown", (e) => {
        if (e.key === "ArrowRight") { e.preventDefault(); go(Math.min(dots.length - 1, index() + 1)); }
        if (e.key === "ArrowLeft") { e.preventDefault(); go(Math.max(0, index() - 1)); }
    });
    track.addEventListener("scroll", () => dots.forEach((d, i) => d.classList.toggle("active", i === index())), { passive: true });
}
const scan = () => document.querySelectorAll("[data-carousel]").forEach(setup);
scan();
document.addEventListener("DOMContentLoaded", scan);
window.Blazor?.addEventListener?.("enhancedload", scan);
