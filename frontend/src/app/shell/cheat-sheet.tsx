import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import { formatBinding } from '../../lib/keys.ts';
import { featurePalettes } from '../palette/feature-palettes.ts';
import type { FeatureDefinition } from '../registry.ts';
import './cheat-sheet.css';
import './messages.ts';

/** One line of the sheet: the keys pressed one after the other (`G`, `T`), and what they do. */
interface Entry {
  keys: readonly string[];
  label: string;
}

function Group({ title, entries }: { title: string; entries: readonly Entry[] }) {
  return (
    <section className="cheat-group" aria-label={title}>
      <h3 className="cheat-group-title">{title}</h3>
      <dl className="cheat-list">
        {entries.map(({ keys, label }) => (
          <div key={`${keys.join(' ')} ${label}`} className="cheat-entry">
            <dt>
              {keys.map((key, i) => (
                <kbd key={i} className="kbd">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * `?`: every key the app answers, from the registry alone: the shell's own (palette, this sheet,
 * G then a tab's letter), then each feature's `shortcuts` under the tab's name.
 */
export default function CheatSheet({ features, onClose }: { features: readonly FeatureDefinition[]; onClose: () => void }) {
  const { t } = useTranslation();
  const withKeys = use(featurePalettes(features));
  const { t: ts } = useTranslation('shell');
  const general: Entry[] = [
    { keys: [formatBinding('Mod+K')], label: ts('shortcuts.palette') },
    { keys: ['?'], label: ts('shortcuts.cheatSheet') },
    ...features.flatMap((f) =>
      f.shortcut ? [{ keys: ['G', formatBinding(f.shortcut)], label: t('palette.goTo', { name: t(f.title) }) }] : [],
    ),
  ];
  return (
    <Dialog label={ts('shortcuts.title')} onClose={onClose} className="dialog-padded cheat-sheet">
      <div className="cheat-header">
        <h2 className="dialog-title">{ts('shortcuts.title')}</h2>
        <Button variant="ghost" icon aria-label={t('ui.close')} onClick={onClose} data-autofocus>
          <Icon name="close" />
        </Button>
      </div>
      <p className="muted">{ts('shortcuts.intro')}</p>
      <div className="cheat-groups">
        <Group title={ts('shortcuts.general')} entries={general} />
        {withKeys.map((f) =>
          f.shortcuts && f.shortcuts.length > 0 ? (
            <Group
              key={f.id}
              title={t(f.title)}
              entries={f.shortcuts.map((s) => ({ keys: [formatBinding(s.keys)], label: t(s.title) }))}
            />
          ) : null,
        )}
      </div>
    </Dialog>
  );
}
