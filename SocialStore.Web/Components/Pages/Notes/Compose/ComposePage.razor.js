// Caret help for the composer's suggestion list: where the caret is, and putting it back after an insert.
export function caret(el) {
    return el ? el.selectionStart ?? -1 : -1;
}

export function setCaret(el, position) {
    if (!el) return;
    el.focus();
    el.setSelectionRange(position, position);
}

// While the list is open, ↑/↓/Enter/Esc drive the list instead of moving the caret or adding a line.
export function trapListKeys(el) {
    if (!el || el.dataset.trapped) return;
    el.dataset.trapped = "1";
    el.addEventListener("keydown", e => {
        if (el.dataset.suggest === "open" && ["ArrowUp", "ArrowDown", "Enter", "Escape", "Tab"].includes(e.key)) e.preventDefault();
    });
}
