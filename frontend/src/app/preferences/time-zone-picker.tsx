import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../shell/messages.ts';
import { groupTimeZones } from './time-zones.ts';
import type { Region } from './time-zones.ts';

const deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The preference's zone: "the device's" first, then every zone grouped by region (the device's
 * region first), narrowed by what is typed in the search field above (a place, a region).
 */
export function TimeZonePicker({ value, onChange }: { value: string | null; onChange: (zone: string | null) => void }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('shell');
  const [query, setQuery] = useState('');
  const selectId = useId();
  const chosen = value ?? '';
  const groups = useMemo(
    () =>
      groupTimeZones(timeZones, {
        device: deviceTimeZone,
        chosen,
        query,
        regionName: (region: Region) => ts(`timeZones.regions.${region}`),
      }),
    [chosen, query, ts],
  );
  return (
    <div className="field time-zone-picker">
      <label className="field-label" htmlFor={selectId}>
        {t('preferences.timeZone')}
      </label>
      <input
        type="search"
        className="input"
        aria-label={ts('timeZones.search')}
        aria-controls={selectId}
        placeholder={ts('timeZones.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select id={selectId} className="select" value={chosen} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('preferences.deviceTimeZone', { zone: deviceTimeZone })}</option>
        {groups.map((group) => (
          <optgroup key={group.region} label={ts(`timeZones.regions.${group.region}`)}>
            {group.zones.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {groups.length === 0 && (
        <span className="field-hint" role="status">
          {ts('timeZones.none', { query })}
        </span>
      )}
    </div>
  );
}
