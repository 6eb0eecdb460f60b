import helmet from 'helmet';

/**
 * The web client needs nothing but its own origin: scripts, styles and fonts are files of its
 * build, the socket is same-origin (`'self'` covers ws:/wss: to the page's own host in CSP 3), and
 * React's `style` props are set through the CSSOM, which `style-src` does not govern. Images may be
 * `data:` (the favicon) or `blob:` (previews of a file being uploaded). nginx sends the same policy
 * on what it serves itself (nginx/panoramix.conf; backend/test/nginx.test.ts compares the two).
 */
const appDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
};

/**
 * The policy of the app shell (index.html): the one above, with the sources the build lists for its
 * inline script (its hash, `csp-script-src.txt`: frontend/vite/preload-plugin.ts). Written as helmet
 * writes a policy, so that nginx/render.sh, which reads the same file, sends the same header.
 */
export function appShellPolicy(scriptSources: readonly string[]): string {
  const directives = { ...appDirectives, 'script-src': [...appDirectives['script-src'], ...scriptSources] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
}

/**
 * helmet's headers with the policy above. No upgrade-insecure-requests: a LAN install served over
 * plain HTTP must keep working.
 */
export const securityHeaders = () => helmet({ contentSecurityPolicy: { useDefaults: false, directives: appDirectives } });

/**
 * Swagger UI (`/api/docs`, a third-party page) writes an inline `<style>` and style attributes:
 * that page alone may use inline styles; scripts stay its own files.
 */
export const docsPolicy = () =>
  helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { ...appDirectives, 'style-src': ["'self'", "'unsafe-inline'"] },
  });
