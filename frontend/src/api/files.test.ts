import { describe, expect, it } from 'vitest';
import { downloadName } from './files.ts';

describe('downloadName', () => {
  it('is the shown name', () => {
    expect(downloadName({ name: 'Plan du rez-de-chaussée.pdf', originalName: 'scan_0042.pdf' })).toBe(
      'Plan du rez-de-chaussée.pdf',
    );
  });

  it('keeps the uploaded extension when a rename dropped it, so the file still opens', () => {
    expect(downloadName({ name: 'Plan final', originalName: 'scan_0042.pdf' })).toBe('Plan final.pdf');
    expect(downloadName({ name: 'Notes', originalName: 'README' })).toBe('Notes');
    expect(downloadName({ name: 'photo.png' })).toBe('photo.png');
  });
});
