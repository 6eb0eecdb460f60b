import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseServerUrl } from '../../platform/server-url.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import './messages.ts';

/**
 * An address checked before it is kept: Rust's check_server asks `<url>/api/health` (no CORS
 * question, 5 s at most), so a typo or a server that is not Panoramix is said here, not at sign-in.
 */
export function ServerForm({ submitLabel, onChecked }: { submitLabel: string; onChecked: (url: string) => void }) {
  const { t } = useTranslation('terminal');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  const checkFailure = (code = '') => {
    if (code === 'invalid-url') return t('invalidUrl');
    if (code === 'timeout' || code === 'not-panoramix') return t(`checkFailed.${code}`);
    if (code.startsWith('http-')) return t('checkFailed.http', { status: code.slice(5) });
    return t('checkFailed.unreachable');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = normaliseServerUrl(typed);
    if (!url) return setError(t('invalidUrl'));
    setChecking(true);
    setError(undefined);
    try {
      const { checkServer } = await import('../../platform/desktop/native.ts');
      const answer = await checkServer(url);
      if (answer.ok) onChecked(url);
      else setError(checkFailure(answer.error));
    } catch (failure) {
      setError(`${t('checkFailed.unreachable')} (${String(failure)})`);
    } finally {
      setChecking(false);
    }
  };
  return (
    <form className="server-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('serverUrl')}
        hint={t('serverUrlHint')}
        error={error}
        type="url"
        inputMode="url"
        autoComplete="url"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <Button variant="primary" type="submit" disabled={checking}>
        {checking ? t('checking') : submitLabel}
      </Button>
    </form>
  );
}
