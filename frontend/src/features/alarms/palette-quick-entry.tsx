import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePreferences } from '../../api/preferences-store.ts';
import type { PaletteItem } from '../../app/palette/commands.ts';
import type { PaletteSectionProps } from '../../app/registry.ts';
import { showToast } from '../../ui/toast.tsx';
import type { parseQuickEntry } from './quick-entry.ts';
import { useAlarmZone } from './use-alarms.ts';
import './messages.ts';

/** "alarme demain 9h réunion", "alarm tomorrow 9am meeting": the word that asks for an alarm, then the entry. */
const ASKS = /^\s*(?:alarme|alarm|reveil|rappel|reminder)\s+(.+)$/i;
const bare = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;
const shortDateTime = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;

/**
 * The palette's quick entry (the registry's `queryCommands`): a query that starts with "alarme"
 * and names a time offers *Nouvelle alarme : réunion — mer. 2 déc. 09:00*, which Enter creates at
 * once, with "Annuler" in the toast. The time parser (chrono-node) loads with the first such query only.
 */
export default function PaletteQuickEntry({ query, onItems }: PaletteSectionProps) {
  const { t, i18n } = useTranslation('alarms');
  const { language } = usePreferences();
  const timeZone = useAlarmZone();
  const [parse, setParse] = useState<typeof parseQuickEntry>();
  const entry = ASKS.exec(bare(query)) ? query.trim().replace(/^\S+\s+/, '') : '';

  useEffect(() => {
    if (entry && !parse) void import('./quick-entry.ts').then((m) => setParse(() => m.parseQuickEntry));
  }, [entry, parse]);

  const items = useMemo((): PaletteItem[] => {
    const found = entry && parse?.(entry, { now: new Date(), timeZone, language });
    if (!found) return [];
    const title = found.title || t('defaultTitle');
    const when = new Intl.DateTimeFormat(locales[language], { ...shortDateTime, timeZone }).format(new Date(found.at));
    const create = async () => {
      // The palette sits outside the data layer (no query cache here): the alarm's events update the lists.
      const alarm = await call(routes.alarms.create, { body: { title, nextTriggerAt: found.at, timeZone } });
      const undo = () =>
        call(routes.alarms.remove, { params: { id: alarm.id } }).catch((error: Error) => showToast(error.message, 'error'));
      showToast(t('createdAt', { title, date: when }), 'info', { label: i18n.t('ui.undo'), run: () => void undo() });
    };
    return [
      {
        id: 'alarms.quick',
        label: t('quickCommand', { title, date: when }),
        section: 'actions',
        icon: 'bell',
        keywords: query,
        perform: () => void create().catch((error: Error) => showToast(error.message, 'error')),
      },
    ];
  }, [entry, parse, timeZone, language, t, i18n, query]);

  useEffect(() => onItems(items), [items, onItems]);
  return null;
}
