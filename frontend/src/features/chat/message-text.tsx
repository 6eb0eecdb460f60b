import type { ReactNode } from 'react';
import { renderInline } from '../notes/markdown-inline.tsx';

const MENTION = /(@[\w]+)/;

/** `@name` of a member as a highlighted span; other text untouched. Only plain strings are split. */
function withMentions(nodes: ReactNode[], usernames: ReadonlySet<string>, key: string): ReactNode[] {
  return nodes.flatMap((node, n): ReactNode[] =>
    typeof node !== 'string'
      ? [node]
      : node.split(MENTION).map((part, i) =>
          MENTION.test(part) && usernames.has(part.slice(1).toLowerCase()) ? (
            <mark key={`${key}.${n}.${i}`} className="chat-mention">
              {part}
            </mark>
          ) : (
            part
          ),
        ),
  );
}

/**
 * The chat's Markdown subset (bold, italic, code, links, line breaks) through the notes' safe inline
 * renderer: React elements only, so HTML in a message is shown as text and never runs.
 */
export function MessageText({ text, usernames }: { text: string; usernames: ReadonlySet<string> }) {
  return (
    <div className="chat-text">
      {text
        .split('\n')
        .flatMap((line, i) => [
          ...(i ? [<br key={`br${i}`} />] : []),
          ...withMentions(renderInline(line, `l${i}`), usernames, `l${i}`),
        ])}
    </div>
  );
}
