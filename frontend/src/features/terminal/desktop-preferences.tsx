import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBase, isDesktop } from '../../platform/index.ts';
import type { SavedServers } from '../../platform/desktop/servers.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ServerForm } from './server-form.tsx';
import './messages.ts';

const native = () => import('../../platform/desktop/native.ts');
const servers = () => import('../../platform/desktop/servers.ts');

/** A switch of the desktop app, read from and written to the shell (autostart plugin, settings store). */
function NativeToggle({
  label,
  read,
  write,
}: {
  label: string;
  read: () => Promise<boolean>;
  write: (on: boolean) => Promise<void>;
}) {
  const [on, setOn] = useState<boolean | undefined>();
  useEffect(() => void read().then(setOn, () => setOn(false)), [read]);
  const change = (next: boolean) => void write(next).then(() => setOn(next));
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={on ?? false} disabled={on === undefined} onChange={(e) => change(e.target.checked)} />{' '}
      {label}
    </label>
  );
}

const readAutostart = () => native().then((n) => n.autostart.isEnabled());
const writeAutostart = (on: boolean) => native().then((n) => (on ? n.autostart.enable() : n.autostart.disable()));
const readMinimise = () => native().then((n) => n.minimiseToTray.get());
const writeMinimise = (on: boolean) => native().then((n) => n.minimiseToTray.set(on));

/** Préférences → Application de bureau: the server (switch with confirmation, add, forget), autostart, tray. */
function DesktopPanel() {
  const { t } = useTranslation('terminal');
  const [saved, setSaved] = useState<SavedServers>({ servers: [], current: apiBase() });
  const [switching, setSwitching] = useState<string | undefined>();
  const reread = () => void servers().then((s) => s.readServers().then(setSaved));
  useEffect(reread, []);
  const switchTo = async (url: string) => {
    await (await servers()).chooseServer(url);
    // The whole app (session, caches, live socket) belongs to one server: it starts again on the other.
    window.location.assign('/');
  };
  const forget = (url: string) => void servers().then((s) => s.forgetServer(url).then(reread));
  return (
    <section className="card desktop-preferences" aria-labelledby="desktop-preferences-title">
      <h2 id="desktop-preferences-title">{t('desktopTitle')}</h2>
      <p>{t('currentServer', { url: apiBase() })}</p>
      <h3>{t('savedServers')}</h3>
      <ul>
        {saved.servers
          .filter((url) => url !== apiBase())
          .map((url) => (
            <li key={url}>
              {url} <Button onClick={() => setSwitching(url)}>{t('switchTo', { url })}</Button>{' '}
              <Button variant="ghost" onClick={() => forget(url)}>
                {t('forget', { url })}
              </Button>
            </li>
          ))}
      </ul>
      <h3>{t('addServer')}</h3>
      <ServerForm submitLabel={t('addServer')} onChecked={setSwitching} />
      <NativeToggle label={t('autostart')} read={readAutostart} write={writeAutostart} />
      <NativeToggle label={t('minimiseToTray')} read={readMinimise} write={writeMinimise} />
      {switching && (
        <ConfirmDialog
          title={t('switchTitle')}
          confirmLabel={t('switchConfirm')}
          pending={false}
          onConfirm={() => void switchTo(switching)}
          onClose={() => setSwitching(undefined)}
        >
          <p>{t('switchBody', { url: switching })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Nothing in a browser: these are the desktop app's settings. */
export default function DesktopPreferences() {
  return isDesktop ? <DesktopPanel /> : null;
}
