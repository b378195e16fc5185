// Copies the share link. The async clipboard API needs a secure context (HTTPS or localhost); elsewhere,
// or if the browser refuses, the link's text is selected so the user can copy it by hand.
export async function copy(text, input) {
    try {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return true;
        }
    } catch {
        // Fall back below.
    }
    if (input) {
        input.focus();
        input.select();
        input.setSelectionRange(0, text.length);
    }
    try {
        return document.execCommand("copy");
    } catch {
        return false;
    }
}
