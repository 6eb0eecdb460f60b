import { describe, expect, it } from 'vitest';
import { normaliseServerUrl } from './server-url.ts';

describe('a server address as typed', () => {
  it('is kept as its origin and path, https when no scheme is typed', () => {
    expect(normaliseServerUrl(' panoramix.example.org ')).toBe('https://panoramix.example.org');
    expect(normaliseServerUrl('http://192.168.1.5:3002/')).toBe('http://192.168.1.5:3002');
    expect(normaliseServerUrl('https://example.org/panoramix/')).toBe('https://example.org/panoramix');
  });

  it('is refused when it is not a plain http(s) address', () => {
    for (const typed of [
      '',
      'ftp://example.org',
      'javascript:alert(1)',
      'https://me:pw@example.org',
      'https://x.org/?a=1',
      'http://',
    ]) {
      expect(normaliseServerUrl(typed)).toBeNull();
    }
  });
});
