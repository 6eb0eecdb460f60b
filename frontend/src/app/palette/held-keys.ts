/**
 * The keys typed between Ctrl+K and the palette's field taking focus (on the first open its chunk
 * may still be loading): held here, away from the page and its single-key shortcuts, then handed
 * to the field, so a query typed at once loses nothing.
 */
let typed = '';
let holding = false;

function hold(event: KeyboardEvent) {
  if (event.ctrlKey || event.metaKey || event.altKey) return; // Ctrl+K again closes the palette
  if (event.key.length === 1) typed += event.key;
  else if (event.key === 'Backspace') typed = typed.slice(0, -1);
  else return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Start holding what is typed (the palette is about to open or close). */
export function holdKeys(): void {
  if (holding) return;
  holding = true;
  typed = '';
  window.addEventListener('keydown', hold, { capture: true });
}

/** Stop holding, and take what was typed meanwhile. */
export function releaseKeys(): string {
  window.removeEventListener('keydown', hold, { capture: true });
  holding = false;
  const text = typed;
  typed = '';
  return text;
}
