// The few W3C WebDriver calls the desktop journey needs (session, find, click, type, text, script,
// screenshot), over fetch to tauri-driver. Hand-written: a client library (webdriverio, selenium)
// brings dozens of packages into the lock for these eight HTTP calls.

// The W3C web element identifier (WebDriver §12.2), the key under which an element comes back.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** An element as a script argument (`execute(script, [asArgument(element)])`). */
export const asArgument = (element: Element) => ({ [ELEMENT]: element.id });

export interface Element {
  id: string;
}

export class WebDriver {
  private constructor(
    private readonly base: string,
    readonly sessionId: string,
  ) {}

  /** Starts the app (`tauri:options.application`) through tauri-driver at `driverUrl`. */
  static async start(driverUrl: string, application: string): Promise<WebDriver> {
    const value = await call<{ sessionId: string }>(`${driverUrl}/session`, 'POST', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
    });
    return new WebDriver(`${driverUrl}/session/${value.sessionId}`, value.sessionId);
  }

  private send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return call<T>(`${this.base}${path}`, method, body);
  }

  /** Every element matching the CSS selector (none: an empty list, no error). */
  async findAll(css: string, within?: Element): Promise<Element[]> {
    const path = within ? `/element/${within.id}/elements` : '/elements';
    const found = await this.send<Record<string, string>[]>('POST', path, { using: 'css selector', value: css });
    return found.map((e) => ({ id: e[ELEMENT]! }));
  }

  /** The first element matching, polled until it is there (10 s unless told). */
  async find(css: string, options: { within?: Element; timeoutMs?: number } = {}): Promise<Element> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const [first] = await this.findAll(css, options.within);
      if (first) return first;
      if (Date.now() > deadline) throw new Error(`no element matches ${css}`);
      await pause(100);
    }
  }

  /** The element `script` returns (polled until it returns one): for lookups by label or accessible name. */
  async findByScript(script: string, args: unknown[], what: string, timeoutMs = 10_000): Promise<Element> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.execute<Record<string, string> | null>(script, args);
      if (found?.[ELEMENT]) return { id: found[ELEMENT] };
      if (Date.now() > deadline) throw new Error(`not found: ${what}`);
      await pause(100);
    }
  }

  /** The form control whose label reads `text` (as Playwright's getByLabel finds it). */
  byLabel(text: string): Promise<Element> {
    return this.findByScript(
      `return [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === arguments[0])?.control ?? null`,
      [text],
      `field labelled ${text}`,
    );
  }

  /** The visible element matching `selector` whose accessible name is `name` (aria-label, aria-labelledby or text). */
  byName(selector: string, name: string, timeoutMs = 10_000): Promise<Element> {
    return this.findByScript(
      `const [selector, name] = arguments;
       const label = (e) => e.getAttribute('aria-label')
         ?? (e.getAttribute('aria-labelledby') && document.getElementById(e.getAttribute('aria-labelledby'))?.textContent)
         ?? e.textContent;
       return [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length > 0 && label(e).trim() === name) ?? null`,
      [selector, name],
      `${selector} named ${name}`,
      timeoutMs,
    );
  }

  click(element: Element): Promise<void> {
    return this.send('POST', `/element/${element.id}/click`, {});
  }

  type(element: Element, text: string): Promise<void> {
    return this.send('POST', `/element/${element.id}/value`, { text });
  }

  text(element: Element): Promise<string> {
    return this.send('GET', `/element/${element.id}/text`);
  }

  /** Runs `script` (a function body; `arguments` are `args`) in the page and returns its result. */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.send('POST', '/execute/sync', { script, args });
  }

  /** The window as a PNG. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.send<string>('GET', '/screenshot'), 'base64');
  }

  quit(): Promise<void> {
    return this.send('DELETE', '');
  }
}

async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const answer = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) throw new Error(`WebDriver ${method} ${url}: ${answer.value.error} ${answer.value.message}`);
  return answer.value;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
