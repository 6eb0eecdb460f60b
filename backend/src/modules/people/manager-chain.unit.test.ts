import { describe, expect, it } from 'vitest';
import { managerCycle } from './manager-chain.ts';

const managers = (pairs: Record<string, string | null>) => new Map(Object.entries(pairs));

describe('managerCycle', () => {
  it('finds the direct loop: a report cannot become the manager', () => {
    expect(managerCycle('ana', 'ben', managers({ ana: null, ben: 'ana' }))).toEqual(['ana', 'ben', 'ana']);
  });

  it('names every link of a longer chain', () => {
    const org = managers({ ana: null, ben: 'ana', cleo: 'ben', dan: 'cleo' });
    expect(managerCycle('ana', 'dan', org)).toEqual(['ana', 'dan', 'cleo', 'ben', 'ana']);
  });

  it('accepts a chain that ends, or a manager from another branch', () => {
    const org = managers({ ana: null, ben: 'ana', cleo: 'ana', dan: 'cleo' });
    expect(managerCycle('ben', 'dan', org)).toBeNull();
    expect(managerCycle('dan', 'ben', org)).toBeNull();
  });

  it('treats managing oneself as the shortest loop', () => {
    expect(managerCycle('ana', 'ana', managers({ ana: null }))).toEqual(['ana', 'ana']);
  });

  it('stops on a loop already in the data that does not include the person', () => {
    const broken = managers({ x: 'y', y: 'x', ana: null });
    expect(managerCycle('ana', 'x', broken)).toBeNull();
  });

  it('ends on a manager that no longer exists', () => {
    expect(managerCycle('ana', 'ghost', managers({ ana: null }))).toBeNull();
  });
});
