import { describe, expect, it } from 'vitest';
import { groupTimeZones, placeOf, regionOf } from './time-zones.ts';

const zones = ['Africa/Abidjan', 'America/Argentina/Buenos_Aires', 'America/New_York', 'Asia/Tokyo', 'Europe/Paris', 'UTC'];
const names = { Europe: 'Europe', America: 'Amériques', Africa: 'Afrique', Asia: 'Asie', other: 'Autres' } as Record<
  string,
  string
>;
const group = (query: string, device = 'Europe/Paris', chosen = '') =>
  groupTimeZones(zones, { device, chosen, query, regionName: (region) => names[region] ?? region }).map((g) => [
    g.region,
    g.zones.map((z) => z.label),
  ]);

describe('time zones', () => {
  it('groups by region, the device’s region first', () => {
    expect(group('', 'Asia/Tokyo')).toEqual([
      ['Asia', ['Tokyo']],
      ['Europe', ['Paris']],
      ['Africa', ['Abidjan']],
      ['America', ['Argentina / Buenos Aires', 'New York']],
      ['other', ['UTC']],
    ]);
  });

  it('finds a zone by its place, region name in the user’s language or any word of it, accents aside', () => {
    expect(group('buenos')).toEqual([['America', ['Argentina / Buenos Aires']]]);
    expect(group('ameriques york')).toEqual([['America', ['New York']]]);
    expect(group('zzz')).toEqual([]);
  });

  it('keeps the chosen zone whatever the query', () => {
    expect(group('tokyo', 'Europe/Paris', 'Europe/Paris')).toEqual([
      ['Europe', ['Paris']],
      ['Asia', ['Tokyo']],
    ]);
  });

  it('names places without underscores, zones outside a region whole', () => {
    expect(placeOf('America/New_York')).toBe('New York');
    expect(regionOf('UTC')).toBe('other');
    expect(regionOf('Etc/GMT+5')).toBe('other');
  });
});
