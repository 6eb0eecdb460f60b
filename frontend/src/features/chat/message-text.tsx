import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import { renderInline } from '../../ui/markdown-inline.tsx';

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
 * The chat's Markdown subset (bold, italic, code, links, line breaks) through the safe inline
 * renderer of ui/: React elements only, so HTML in a message is shown as text and never runs. A
 * message is parsed once per text, not on every render of the room.
 */
export const MessageText = memo(function MessageText({ text, usernames }: { text: string; usernames: ReadonlySet<string> }) {
  const lines = useMemo(() => text.split('\n').map((line, i) => renderInline(line, `l${i}`)), [text]);
  return (
    <div className="chat-text">
      {lines.flatMap((nodes, i) => [...(i ? [<br key={`br${i}`} />] : []), ...withMentions(nodes, usernames, `l${i}`)])}
    </div>
  );
});
