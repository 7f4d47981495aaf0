// Cypher highlighting for the query console. Prism and its Cypher grammar load on first use, so they stay out of the
// initial bundle; until then (or if loading fails) the text is shown escaped and unhighlighted.

interface PrismLike {
  highlight(text: string, grammar: unknown, language: string): string;
  languages: Record<string, unknown>;
}

let loading: Promise<PrismLike | null> | null = null;

export function loadPrism(): Promise<PrismLike | null> {
  loading ??= (async () => {
    try {
      // Manual mode: Prism must not scan and rewrite the page's <code> elements on its own.
      const w = window as unknown as { Prism?: { manual?: boolean; disableWorkerMessageHandler?: boolean } };
      w.Prism = { ...w.Prism, manual: true, disableWorkerMessageHandler: true };
      const prism = (await import('prismjs')).default as unknown as PrismLike;
      // The grammar registers itself on the global Prism.
      // @ts-expect-error -- prism's language components ship no type declarations
      await import('prismjs/components/prism-cypher');
      return prism.languages['cypher'] ? prism : null;
    } catch {
      return null;
    }
  })();
  return loading;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML for the overlay: Prism's tokens, or escaped plain text. A trailing newline keeps the last empty line's height. */
export function highlightCypher(prism: PrismLike | null, text: string): string {
  const body = prism ? prism.highlight(text, prism.languages['cypher'], 'cypher') : escapeHtml(text);
  return `${body}\n`;
}
