import type { AiStatus, SearchKind } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes, searchKinds } from 'virtual:panoramix/contracts';
import { aiStatusQuery } from '../../api/ai-status.ts';
import { call } from '../../api/client.ts';
import { useFormat } from '../../ui/format.ts';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import './messages.ts';
import './ai-status.css';

// The queue drains in the background: a page left open follows it.
const REFRESH_MS = 10_000;

function Reachability({ reachable, error }: { reachable: boolean; error: string | null }) {
  const { t } = useTranslation('search');
  return (
    <span className="ai-reach" data-reachable={reachable}>
      {reachable ? t('ai.reachable') : t('ai.unreachable')}
      {error && ` — ${error}`}
    </span>
  );
}

/**
 * The server names its embedder in English ("Ollama at http://…"): said again in the user's
 * language by provider, its address kept.
 */
function useEmbedderText() {
  const { t } = useTranslation('search');
  return ({ provider, description }: AiStatus['embeddings']) =>
    t(`ai.embedders.${provider}`, { address: /\bat (\S+)$/.exec(description)?.[1] ?? '—' });
}

function StatusList({ status }: { status: AiStatus }) {
  const { t } = useTranslation('search');
  const format = useFormat();
  const embedderText = useEmbedderText();
  const { embeddings, vectorStore, queue } = status;
  const model = (use: AiStatus['chat']) => (use.provider === 'none' ? t('ai.none') : `${use.provider} · ${use.model ?? '—'}`);
  return (
    <dl className="ai-status-list">
      <dt>{t('ai.embeddings')}</dt>
      <dd>
        <Reachability reachable={embeddings.reachable} error={embeddings.error} />
        <span>
          {embeddings.provider} · {embeddings.model}
          {embeddings.dimension !== null && ` · ${t('ai.dimension', { dimension: embeddings.dimension })}`}
        </span>
        <span className="muted">{embedderText(embeddings)}</span>
      </dd>
      <dt>{t('ai.vectorStore')}</dt>
      <dd>
        <Reachability reachable={vectorStore.reachable} error={vectorStore.error} />
        <span>
          {vectorStore.kind} · {vectorStore.collection}
        </span>
      </dd>
      <dt>{t('ai.chat')}</dt>
      <dd>{model(status.chat)}</dd>
      <dt>{t('ai.summary')}</dt>
      <dd>{model(status.summary)}</dd>
      <dt>{t('ai.queue')}</dt>
      <dd>
        <span>
          {t('ai.pending', { count: queue.pending })} · {t('ai.failed', { count: queue.failed })}
        </span>
        <span className="muted">
          {!queue.lastError
            ? t('ai.noError')
            : queue.lastError.id && queue.lastError.reason // the item and reason are shown to administrators only
              ? t('ai.lastError', { ...queue.lastError, date: format.dateTime(queue.lastError.at) })
              : t('ai.lastErrorHidden', { kind: queue.lastError.kind, date: format.dateTime(queue.lastError.at) })}
        </span>
      </dd>
    </dl>
  );
}

/** Preferences' read-only view of the search engine: providers, queue health, what is indexed. */
export default function AiStatusPanel() {
  const { t } = useTranslation('search');
  const format = useFormat();
  const status = useQuery({ ...aiStatusQuery, refetchInterval: REFRESH_MS });
  const info = useQuery({
    queryKey: ['search', 'collection-info'],
    queryFn: ({ signal }) => call(routes.search.collectionInfo, { signal }),
    refetchInterval: REFRESH_MS,
  });
  const kindLabel = (kind: string) =>
    (searchKinds as readonly string[]).includes(kind) ? t(`kinds.${kind as SearchKind}`) : kind;
  return (
    <section className="card ai-status" aria-labelledby="ai-status-title">
      <h2 id="ai-status-title" className="ai-status-title">
        {t('ai.title')}
      </h2>
      <p className="muted">{t('ai.intro')}</p>
      <LoadState data={status.data} {...queryState(status)} isEmpty={() => false}>
        {(data) => <StatusList status={data} />}
      </LoadState>
      <h3 className="ai-status-subtitle">{t('ai.collection')}</h3>
      <LoadState
        data={info.data}
        {...queryState(info)}
        isEmpty={(data) => Object.keys(data.counts).length === 0}
        empty={t('ai.noItems')}
      >
        {(data) => (
          <ul className="ai-counts" aria-label={t('ai.collection')}>
            {Object.entries(data.counts).map(([kind, count]) => (
              <li key={kind}>
                <span>{kindLabel(kind)}</span> <strong>{format.number(count)}</strong>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
