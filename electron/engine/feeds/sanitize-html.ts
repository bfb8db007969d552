/**
 * Sanitising HTML on the main side, for what Syndic stores or writes out itself (full
 * articles, the starred-articles export): DOMPurify over a jsdom window, the pairing
 * DOMPurify documents for Node. The renderer sanitises again at display with its own
 * allowlist; this pass makes sure nothing hostile is ever stored or exported.
 */
type Purifier = (html: string) => string;
let purifier: Promise<Purifier> | null = null;

export function loadPurifier(): Promise<Purifier> {
  purifier ??= Promise.all([import('jsdom'), import('dompurify')]).then(([jsdom, purify]) => {
    const { window } = new jsdom.JSDOM('');
    const instance = purify.default(window as unknown as Parameters<typeof purify.default>[0]);
    return (html: string) =>
      instance.sanitize(html, {
        FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
        FORBID_ATTR: ['style'],
      });
  });
  return purifier;
}

export async function sanitizeHtml(html: string): Promise<string> {
  return (await loadPurifier())(html);
}
