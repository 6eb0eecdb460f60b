/** The IANA areas, in the order a list of them reads; any other zone (UTC, Etc/GMT+5) is "other". */
export const regions = [
  'Europe',
  'Africa',
  'America',
  'Asia',
  'Atlantic',
  'Indian',
  'Pacific',
  'Australia',
  'Antarctica',
  'Arctic',
] as const;
export type Region = (typeof regions)[number] | 'other';

export const regionOf = (zone: string): Region => {
  const area = zone.split('/')[0];
  return zone.includes('/') && (regions as readonly string[]).includes(area ?? '') ? (area as Region) : 'other';
};

/** A zone as its group lists it: `America/Argentina/Buenos_Aires` → `Argentina / Buenos Aires`. */
export const placeOf = (zone: string) =>
  (regionOf(zone) === 'other' ? zone : zone.slice(zone.indexOf('/') + 1)).replaceAll('_', ' ').replaceAll('/', ' / ');

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export interface ZoneGroup {
  region: Region;
  zones: { value: string; label: string }[];
}

/**
 * The zones matching `query` (in the zone's name, its place or its region's name in the user's
 * language), grouped by region: the device's region first, then the order of `regions`. The chosen
 * zone always stays, so the select never shows another than the saved one.
 */
export function groupTimeZones(
  zones: readonly string[],
  options: { device: string; chosen: string; query: string; regionName: (region: Region) => string },
): ZoneGroup[] {
  const words = fold(options.query).split(/\s+/).filter(Boolean);
  const matches = (zone: string) => {
    const text = fold(`${zone} ${placeOf(zone)} ${options.regionName(regionOf(zone))}`);
    return zone === options.chosen || words.every((word) => text.includes(word));
  };
  const order: Region[] = [regionOf(options.device), ...regions, 'other'];
  const groups = new Map<Region, ZoneGroup>(order.map((region) => [region, { region, zones: [] }]));
  for (const zone of zones) if (matches(zone)) groups.get(regionOf(zone))?.zones.push({ value: zone, label: placeOf(zone) });
  return [...groups.values()].filter((group) => group.zones.length > 0);
}
