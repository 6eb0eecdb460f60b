/** True while the user types into a field, where single-key shortcuts must not fire (as in Gmail, GitHub or Linear). */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * A key binding as the cheat sheet shows it and `useKeyShortcuts` matches it: one key (`c`, `?`,
 * `ArrowDown`), or `Mod+<key>` for Ctrl on Linux/Windows and ⌘ on macOS.
 */
export type KeyBinding = string;

/** Whether the event is that binding. Letters compare case-insensitively; `?` matches whatever Shift the layout needs. */
export function matchesBinding(event: KeyboardEvent, binding: KeyBinding): boolean {
  const mod = binding.startsWith('Mod+');
  const key = mod ? binding.slice(4) : binding;
  if (mod !== (event.ctrlKey || event.metaKey) || event.altKey) return false;
  return event.key.length === 1 ? event.key.toLowerCase() === key.toLowerCase() : event.key === key;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);
const keyNames: Readonly<Record<string, string>> = { Enter: '↵', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A binding as a key cap shows it: `Mod+Enter` → `Ctrl ↵` (`⌘ ↵` on a Mac), `c` → `C`. */
export function formatBinding(binding: KeyBinding): string {
  const mod = binding.startsWith('Mod+');
  const key = mod ? binding.slice(4) : binding;
  const name = keyNames[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return mod ? `${isMac() ? '⌘' : 'Ctrl'} ${name}` : name;
}
