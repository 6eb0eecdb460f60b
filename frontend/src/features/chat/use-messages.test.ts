import { describe, expect, it } from 'vitest';
import { aMessage } from './chat-builders.ts';
import { pendingOf } from './use-messages.ts';

describe('pendingOf', () => {
  it('shows an optimistic copy only until the server message with its clientId is listed', () => {
    const sent = aMessage({ clientId: 'client-sent-0001' });
    const pending = {
      'client-sent-0001': { clientId: 'client-sent-0001', roomId: sent.roomId, text: 'a', createdAt: '', failed: false },
      'client-wait-0002': { clientId: 'client-wait-0002', roomId: sent.roomId, text: 'b', createdAt: '', failed: false },
      'client-else-0003': { clientId: 'client-else-0003', roomId: 'elsewhere', text: 'c', createdAt: '', failed: false },
    };
    expect(pendingOf(sent.roomId, [sent], pending).map((p) => p.clientId)).toEqual(['client-wait-0002']);
  });
});
