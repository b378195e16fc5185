// Suggestions while typing, on every input marked data-search-input (the top bar's box and the search page's).
// The form still works without this script: it is a plain GET to /search.
// Debounced fetch of /search/suggest, a listbox under the input, ArrowUp/ArrowDown/Enter/Escape (ARIA combobox).
const DEBOUNCE_MS = 180;
let counter = 0;

function setup(input) {
    if (input.dataset.searchReady) return;
    input.dataset.searchReady = "true";
    const list = document.createElement("ul");
    list.id = `search-suggest-${++counter}`;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("aria-label") ?? "");
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    let timer, controller, active = -1, items = [];

    const close = () => {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    };
    const highlight = (index) => {
        const options = list.querySelectorAll("[role=option]");
        options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
        active = index;
        if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
        else input.removeAttribute("aria-activedescendant");
    };
    const render = () => {
        list.replaceChildren(...items.map((item, i) => {
            const li = document.createElement("li");
            li.id = `${list.id}-${i}`;
            li.setAttribute("role", "option");
            li.dataset.kind = item.kind;
            li.textContent = item.text; // text only: suggestions are never parsed as HTML
            li.addEventListener("mousedown", (e) => e.preventDefault());
            li.addEventListener("click", () => { location.href = item.url; });
            return li;
        }));
        list.hidden = items.length === 0;
        input.setAttribute("aria-expanded", items.length ? "true" : "false");
        highlight(-1);
    };
    const fetchSuggestions = async () => {
        const q = input.value.trim();
        controller?.abort();
        if (!q) { items = []; render(); return; }
        controller = new AbortController();
        try {
            const response = await fetch(`/search/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: "application/json" } });
            if (!response.ok) return;
            items = await response.json();
            render();
        } catch {
            // Aborted by newer typing, or offline: the form still submits.
        }
    };

    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", (e) => {
        if (list.hidden || items.length === 0) return;
        if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
        else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
        else if (e.key === "Enter" && active >= 0) { e.preventDefault(); location.href = items[active].url; }
        else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
    input.addEventListener("focus", () => { if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
}

function scan() {
    document.querySelectorAll("input[data-search-input]").forEach(setup);
}
scan();
window.Blazor?.addEventListener?.("enhancedload", scan);
