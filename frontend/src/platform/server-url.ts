// Apart from desktop/servers.ts so that a form can check an address without loading the desktop calls.

/** An address as typed ("panoramix.example.org", "https://host:3002/") as the app keeps it; null if it is none. */
export function normaliseServerUrl(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
