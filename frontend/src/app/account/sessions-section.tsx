import type { AuthSession } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { useFormat } from '../../ui/format.ts';
import { queryState } from '../../ui/load-state.tsx';
import { showToast } from '../../ui/toast.tsx';
import { signOut } from '../auth/session-store.ts';
import { deviceOf } from './device-label.ts';
import { sessionsKey } from './sessions-key.ts';

function useDeviceName() {
  const { t } = useTranslation('account');
  return (session: AuthSession) => {
    const { browser, system } = deviceOf(session.userAgent);
    if (browser && system) return t('sessions.deviceOn', { browser, system });
    return browser ?? system ?? t('sessions.unknownDevice');
  };
}

/** My sign-ins, each revocable but this one (the sidebar signs it out); and signing out everywhere. */
export function SessionsSection() {
  const { t } = useTranslation('account');
  const format = useFormat();
  const deviceName = useDeviceName();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => call(routes.auth.sessions, { signal }) });
  const [revoking, setRevoking] = useState<AuthSession>();
  const [everywhere, setEverywhere] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => call(routes.auth.revokeSession, { params: { id } }),
    onSuccess: () => {
      setRevoking(undefined);
      showToast(t('sessions.revoked'));
      return queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });

  return (
    <section className="card account-card" aria-labelledby="account-sessions">
      <h2 id="account-sessions" className="section-title">
        {t('sessions.title')}
      </h2>
      <p className="muted">{t('sessions.intro')}</p>
      <DataList
        label={t('sessions.list')}
        items={query.data?.items}
        {...queryState(query)}
        getKey={(session) => session.id}
        renderItem={(session) => (
          <div className="account-row">
            <div className="account-row-main">
              <strong>{deviceName(session)}</strong>
              {session.current && <span className="account-badge">{t('sessions.current')}</span>}
              <span className="muted">
                {t('sessions.created', { date: format.dateTime(session.createdAt) })} ·{' '}
                {t('sessions.lastUsed', { date: format.dateTime(session.lastUsedAt) })}
              </span>
            </div>
            {!session.current && (
              <Button onClick={() => setRevoking(session)} aria-label={`${t('sessions.revoke')} — ${deviceName(session)}`}>
                {t('sessions.revoke')}
              </Button>
            )}
          </div>
        )}
      />
      <div>
        <Button variant="danger" onClick={() => setEverywhere(true)}>
          {t('sessions.everywhere')}
        </Button>
      </div>
      {revoking && (
        <ConfirmDialog
          title={t('sessions.revokeTitle')}
          confirmLabel={t('sessions.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={() => revoke.mutate(revoking.id)}
          onClose={() => setRevoking(undefined)}
        >
          <p>{t('sessions.revokeBody', { device: deviceName(revoking) })}</p>
        </ConfirmDialog>
      )}
      {everywhere && (
        <ConfirmDialog
          title={t('sessions.everywhereTitle')}
          confirmLabel={t('sessions.everywhere')}
          pending={false}
          onConfirm={() => void signOut({ everywhere: true })}
          onClose={() => setEverywhere(false)}
        >
          <p>{t('sessions.everywhereBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
