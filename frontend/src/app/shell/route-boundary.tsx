import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { diagnoseChunkFailure, isChunkLoadError, reloadOnceFor } from '../../lib/chunk-recovery.ts';

/** Why the screen is not there: its chunk cannot be fetched yet, its chunk failed, or it crashed. */
type Failure = 'offline' | 'chunk' | 'crashed';

/** While offline (or the server is unreachable), how often to look again besides the `online` event. */
const RECHECK_MS = 15_000;

function RouteError({ failure, onRetry }: { failure: Failure; onRetry: () => void }) {
  const { t } = useTranslation();
  const reason = { offline: t('recovery.offline'), chunk: t('recovery.failed'), crashed: t('recovery.crashed') }[failure];
  return (
    <section className="page route-error" role="alert">
      <h1 className="page-title">{t('recovery.title')}</h1>
      <p className="muted">{reason}</p>
      <div>
        <Button variant="primary" onClick={onRetry}>
          {t('recovery.retry')}
        </Button>
      </div>
    </section>
  );
}

interface RouteBoundaryProps {
  children: ReactNode;
  /** Shown instead of the error block (the palette shows nothing). */
  fallback?: ReactNode;
}

/**
 * Around each route (and the data layer): a screen that throws, or whose lazy chunk fails to
 * load, shows *Réessayer* instead of a blank page. A chunk that failed because this build was
 * replaced reloads the page once to the new one; offline, it waits for the network and reloads by
 * itself. React.lazy keeps a failed import failed, so a chunk is retried by reloading the page;
 * a screen that crashed is simply rendered again.
 */
export class RouteBoundary extends Component<RouteBoundaryProps, { failure: Failure | undefined }> {
  override state: { failure: Failure | undefined } = { failure: undefined };
  private stopWatching: (() => void) | undefined;

  static getDerivedStateFromError(error: unknown) {
    return { failure: isChunkLoadError(error) ? ('chunk' as const) : ('crashed' as const) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    if (isChunkLoadError(error)) void this.diagnose();
  }

  override componentWillUnmount() {
    this.stopWatching?.();
  }

  private async diagnose() {
    const diagnosis = await diagnoseChunkFailure();
    if (diagnosis.kind === 'new-build' && reloadOnceFor(diagnosis.buildId)) return;
    if (diagnosis.kind === 'offline') {
      this.setState({ failure: 'offline' });
      this.watchForNetwork();
    } else {
      this.setState({ failure: 'chunk' });
    }
  }

  /** Back online and the server answers: reload to fetch the chunk (and any newer build). */
  private watchForNetwork() {
    if (this.stopWatching) return;
    const check = () => void diagnoseChunkFailure().then((d) => d.kind !== 'offline' && location.reload());
    const timer = setInterval(check, RECHECK_MS);
    window.addEventListener('online', check);
    this.stopWatching = () => {
      clearInterval(timer);
      window.removeEventListener('online', check);
    };
  }

  /** A crashed screen renders again; a chunk reloads the page, unless the server is still out of reach. */
  private readonly retry = () => {
    if (this.state.failure === 'crashed') return this.setState({ failure: undefined });
    void diagnoseChunkFailure().then((diagnosis) => {
      if (diagnosis.kind !== 'offline') return location.reload();
      this.setState({ failure: 'offline' });
      this.watchForNetwork();
    });
  };

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return this.props.fallback !== undefined ? this.props.fallback : <RouteError failure={failure} onRetry={this.retry} />;
  }
}
