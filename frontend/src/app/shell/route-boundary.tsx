import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { diagnoseChunkFailure, isChunkLoadError, reloadOnceFor } from '../../lib/chunk-recovery.ts';

/** Why the screen is not there: its chunk cannot be fetched yet, its chunk failed, or it crashed. */
type Failure = 'offline' | 'chunk' | 'crashed';

/** While offline (or the server is unreachable), how often to look again besides the `online` event. */
const RECHECK_MS = 15_000;

function RouteError({ failure, checking, onRetry }: { failure: Failure; checking: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  const reason = { offline: t('recovery.offline'), chunk: t('recovery.failed'), crashed: t('recovery.crashed') }[failure];
  return (
    // Busy while it asks the server why (and may reload to a new build).
    <section className="page route-error" role="alert" aria-busy={checking}>
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
interface RouteBoundaryState {
  failure: Failure | undefined;
  checking: boolean;
}

export class RouteBoundary extends Component<RouteBoundaryProps, RouteBoundaryState> {
  override state: RouteBoundaryState = { failure: undefined, checking: false };
  private stopWatching: (() => void) | undefined;
  private unmounted = false;

  static getDerivedStateFromError(error: unknown): RouteBoundaryState {
    const chunk = isChunkLoadError(error);
    return { failure: chunk ? 'chunk' : 'crashed', checking: chunk };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    if (isChunkLoadError(error)) void this.diagnose();
  }

  override componentWillUnmount() {
    this.unmounted = true;
    this.stopWatching?.();
  }

  private async diagnose() {
    const diagnosis = await diagnoseChunkFailure();
    if (this.unmounted) return; // the user went to another tab meanwhile: nothing to show or watch
    if (diagnosis.kind === 'new-build' && reloadOnceFor(diagnosis.buildId)) return;
    if (diagnosis.kind === 'offline') this.waitForNetwork();
    else this.setState({ failure: 'chunk', checking: false });
  }

  /** Shows the offline state; back online and the server answers, reloads to fetch the chunk (and any newer build). */
  private waitForNetwork() {
    this.setState({ failure: 'offline', checking: false });
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
    if (this.state.failure === 'crashed') return this.setState({ failure: undefined, checking: false });
    void diagnoseChunkFailure().then((diagnosis) => {
      if (this.unmounted) return;
      if (diagnosis.kind !== 'offline') return location.reload();
      this.waitForNetwork();
    });
  };

  override render() {
    const { failure, checking } = this.state;
    if (!failure) return this.props.children;
    return this.props.fallback !== undefined ? (
      this.props.fallback
    ) : (
      <RouteError failure={failure} checking={checking} onRetry={this.retry} />
    );
  }
}
