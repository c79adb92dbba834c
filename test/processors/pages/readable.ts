// What a merchant's page can read, gathered by the page's own script (csp.test.ts asks it for the card number):
// the DOM through open shadow roots, every same-origin frame, sessionStorage and localStorage.
/** Everything the merchant's page can read: its DOM through open shadow roots, same-origin frames, both storages. */
export function readablePage(): { text: string; unreadableFrames: number } {
  const seen: string[] = [];
  let unreadableFrames = 0;
  const visit = (root: Document | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      seen.push(node.textContent ?? '', ...node.getAttributeNames().map((name) => node.getAttribute(name) ?? ''));
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) seen.push(node.value);
      if (node.shadowRoot) visit(node.shadowRoot);
      if (node instanceof HTMLIFrameElement) {
        let inner: Document | null = null;
        try {
          inner = node.contentDocument;
        } catch {
          inner = null;
        }
        if (inner) visit(inner);
        else unreadableFrames++;
      }
    }
  };
  visit(document);
  for (let i = 0; i < window.frames.length; i++) {
    try {
      seen.push(window.frames[i]!.document.documentElement.outerHTML);
    } catch {
      // cross-origin: the browser refuses, which is the point
    }
  }
  for (const storage of [sessionStorage, localStorage]) {
    for (let i = 0; i < storage.length; i++) seen.push(storage.key(i) ?? '', storage.getItem(storage.key(i) ?? '') ?? '');
  }
  return { text: seen.join('\n'), unreadableFrames };
}
