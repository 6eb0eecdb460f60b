// No Zod here: the web client bundles this file as it is (see package.json exports).

/** `/api/links/:id` + `{ id }` → `/api/links/665f…`, plus the query string (empty values left out). */
export function routeUrl(path: string, params?: object, query?: object): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}
