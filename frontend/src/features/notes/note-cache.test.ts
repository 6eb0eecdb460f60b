import type { NoteLine } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/event-appliers.ts';
import type { Page } from '../../api/list-cache.ts';
import { rankBetween } from '../../lib/rank.ts';
import { edited, entityBase, orderKeyOf } from '../../test-builders.ts';
import { noteEvents, noteKeys } from './note-cache.ts';

const session = 'd'.repeat(24);
function aLine(overrides: Partial<NoteLine> = {}): NoteLine {
  const { n, ...base } = entityBase();
  return { ...base, sessionId: session, projectId: null, content: `line ${n}`, rank: orderKeyOf(n), ...overrides };
}

function setup(lines: NoteLine[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<Page<NoteLine>>(noteKeys.lines(session), { items: lines, nextCursor: null });
  const dispatcher = createDispatcher([noteEvents], queryClient);
  const contents = () => queryClient.getQueryData<Page<NoteLine>>(noteKeys.lines(session))?.items.map((l) => l.content);
  return { queryClient, dispatcher, contents };
}

describe('note line events', () => {
  it('noteLine.created appends in rank order, once', () => {
    const first = aLine({ content: 'first' });
    const { dispatcher, contents } = setup([first]);
    const second = aLine({ content: 'second' });
    dispatcher.dispatch('noteLine.created', second);
    dispatcher.dispatch('noteLine.created', second);
    expect(contents()).toEqual(['first', 'second']);
  });

  it('noteLine.updated shows the new text and the new place', () => {
    const [a, b] = [aLine({ content: 'a' }), aLine({ content: 'b' })];
    const { dispatcher, contents } = setup([a, b]);
    dispatcher.dispatch('noteLine.updated', edited(b, { content: 'B', rank: rankBetween(undefined, a.rank) }));
    expect(contents()).toEqual(['B', 'a']);
  });

  it('noteLine.deleted removes the line; noteSession.deleted forgets the session and its lines', () => {
    const [a, b] = [aLine(), aLine({ content: 'kept' })];
    const { queryClient, dispatcher, contents } = setup([a, b]);
    dispatcher.dispatch('noteLine.deleted', { id: a.id, sessionId: session, projectId: null });
    expect(contents()).toEqual(['kept']);
    dispatcher.dispatch('noteSession.deleted', { id: session, projectId: null });
    expect(queryClient.getQueryData(noteKeys.lines(session))).toBeUndefined();
  });
});
