/**
 * "Firefox" and "Linux" from a User-Agent, for the sessions list. Hand-written: the list needs
 * only the browser family and the system, a dozen patterns, where a parsing library would ship
 * its whole device database into this screen's chunk. Order matters: Edge and Opera say
 * "Chrome" too, Chrome says "Safari", Android says "Linux".
 */
const browsers: readonly [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/okhttp|Dalvik/i, 'Android app'],
];

const systems: readonly [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

const match = (table: readonly [RegExp, string][], userAgent: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1];

export function deviceOf(userAgent: string): { browser?: string | undefined; system?: string | undefined } {
  return { browser: match(browsers, userAgent), system: match(systems, userAgent) };
}
