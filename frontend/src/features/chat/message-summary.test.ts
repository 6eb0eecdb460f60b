import { describe, expect, it } from 'vitest';
import { messageSummary } from './message-summary.ts';

const file = (name: string) => ({ id: name, name, size: 1, mimeType: 'image/png' });

describe('messageSummary', () => {
  it('is the text when there is one, attachments or not', () => {
    expect(messageSummary({ text: 'Voici la photo', attachments: [file('a.png')] })).toBe('Voici la photo');
  });

  it('names the files of a message without text', () => {
    expect(messageSummary({ text: '', attachments: [file('plan.pdf'), file('photo.png')] })).toBe('📎 plan.pdf, photo.png');
  });
});
