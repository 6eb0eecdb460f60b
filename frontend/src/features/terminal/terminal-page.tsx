import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../platform/index.ts';
import { Button } from '../../ui/button.tsx';
import { Page } from '../../ui/page.tsx';
import { SystemPanel } from './system-panel.tsx';
import { TerminalView } from './terminal-view.tsx';
import './messages.ts';
import './terminal.css';

/** Several terminals, one shown at a time; each keeps its shell while another is in view. */
function Terminals() {
  const { t } = useTranslation('terminal');
  const [terminals, setTerminals] = useState([1]);
  const [shown, setShown] = useState(1);
  const open = () => {
    const number = Math.max(0, ...terminals) + 1;
    setTerminals([...terminals, number]);
    setShown(number);
  };
  const close = (number: number) => {
    const left = terminals.filter((n) => n !== number);
    setTerminals(left);
    if (shown === number) setShown(left.at(-1) ?? 0);
  };
  return (
    <>
      <div className="terminal-tabs" role="toolbar" aria-label={t('terminals')}>
        {terminals.map((number) => (
          <span key={number} className="terminal-tab">
            <Button aria-pressed={shown === number} onClick={() => setShown(number)}>
              {t('terminalName', { number })}
            </Button>
            <Button variant="ghost" aria-label={t('close', { number })} onClick={() => close(number)}>
              ×
            </Button>
          </span>
        ))}
        <Button onClick={open}>{t('newTerminal')}</Button>
      </div>
      {terminals.map((number) => (
        <TerminalView key={number} number={number} shown={shown === number} />
      ))}
    </>
  );
}

export default function TerminalPage() {
  const { t } = useTranslation(['terminal', 'translation']);
  if (!isDesktop) {
    return (
      <Page titleId="terminal-title" title={t('translation:terminal.title')}>
        <p className="terminal-browser-only">{t('browserOnly')}</p>
      </Page>
    );
  }
  return (
    <Page titleId="terminal-title" title={t('translation:terminal.title')} intro={t('intro')}>
      <div className="terminal-layout">
        <div className="terminal-main">
          <Terminals />
        </div>
        <SystemPanel />
      </div>
    </Page>
  );
}
