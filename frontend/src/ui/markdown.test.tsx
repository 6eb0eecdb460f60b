import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';
import { renderInline, safeHref } from './markdown-inline.tsx';

const show = (source: string) => render(<Markdown source={source} />).container;

describe('Markdown rendering', () => {
  it('renders headings, lists, task boxes, quotes, code and inline forms', () => {
    const html = show(
      '# Title\n\n- **bold** and *em* and `code`\n- [x] done\n\n1. first\n\n> quoted\n\n```\nlet a = 1;\n```',
    ).innerHTML;
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('<ol><li>first</li></ol>');
    expect(html).toContain('<blockquote>quoted</blockquote>');
    expect(html).toContain('<pre><code>let a = 1;</code></pre>');
  });

  it('shows raw HTML as text: no script, iframe or event handler reaches the DOM', () => {
    const container = show(
      '<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned = 1">\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(container.querySelector('script, img, iframe')).toBeNull();
    expect(container.textContent).toContain('<script>window.pwned = 1</script>');
    expect(container.textContent).toContain('<img src=x onerror="window.pwned = 1">');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('never makes an active link of javascript:, data: or vbscript: targets', () => {
    const container = show(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox) [e](java\tscript:alert(1))',
    );
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.querySelector('[href]')).toBeNull();
  });

  it('links web addresses safely, in a new tab without opener', () => {
    const container = show('See [docs](https://example.test/docs) or https://example.test/raw.');
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.test/docs', 'https://example.test/raw']);
    expect(links.every((a) => a.rel.includes('noopener') && a.target === '_blank')).toBe(true);
  });
});

const inline = (text: string) => render(<p>{renderInline(text)}</p>).container.firstElementChild?.innerHTML;

describe('inline code spans, as CommonMark pairs backtick runs', () => {
  it('pairs a run only with the next run of the same length', () => {
    expect(inline('`a`')).toBe('<code>a</code>');
    expect(inline('``a ` b``')).toBe('<code>a ` b</code>');
    expect(inline('`a`` b`')).toBe('<code>a`` b</code>');
  });

  it('shows a run without a partner of its length as backticks, and goes on parsing after it', () => {
    expect(inline('``a`')).toBe('``a`');
    expect(inline('```a`` **b**')).toBe('```a`` <strong>b</strong>');
  });

  it('strips one space from each side when both are there, not from a span of spaces', () => {
    expect(inline('`` `a` ``')).toBe('<code>`a`</code>');
    expect(inline('`  `')).toBe('<code>  </code>');
  });

  it('makes emphasis markers inside code literal', () => {
    expect(inline('*a `*` b*')).toBe('<em>a <code>*</code> b</em>');
    expect(inline('**a `**` b**')).toBe('<strong>a <code>**</code> b</strong>');
  });
});

describe('adversarial inline text', () => {
  it.each([
    ['backticks', '`'.repeat(3001)],
    ['asterisks after a letter', `a${'*'.repeat(3000)}`.replace(/\*/g, ' *')],
    ['underscores inside words', 'a_'.repeat(1500)],
    ['addresses with nothing after the scheme', '<http:// '.repeat(500)],
    ['brackets', '[a]('.repeat(1000)],
  ])('renders %s as the text it is, with no element', (_, text) => {
    const container = render(<p>{renderInline(text)}</p>).container;
    expect(container.textContent).toBe(text);
    expect(container.querySelector('code, strong, em, s, a')).toBeNull();
  });

  it('closes underscores where a word ends, so openers do not nest one level each', () => {
    const text = `${'(_a'.repeat(1000)}${'_'.repeat(1000)})`;
    const container = render(<p>{renderInline(text)}</p>).container;
    expect(container.querySelector('p > em')?.textContent).toMatch(/^a\(_a/);
    expect(container.querySelector('em em')).toBeNull();
  });

  it('still finds the forms after a long unmatched run', () => {
    const html = inline(`${'`'.repeat(2000)} **bold** \`code\` [docs](https://example.test)`);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('href="https://example.test"');
  });
});

describe('safeHref', () => {
  it('keeps web, mail, same-app paths and anchors only', () => {
    expect(safeHref(' https://a.test ')).toBe('https://a.test');
    expect(safeHref('mailto:a@b.test')).toBe('mailto:a@b.test');
    expect(safeHref('/tasks')).toBe('/tasks');
    expect(safeHref('#part')).toBe('#part');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:1',
      '//evil.test',
      'data:text/html,x',
      'file:///etc/passwd',
      'ftp://x',
    ])
      expect(safeHref(bad), bad).toBeUndefined();
  });
});
