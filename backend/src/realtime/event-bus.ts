import type { DomainEventMap, DomainEventType } from '@panoramix/contracts';
import type { Logger } from 'pino';

/**
 * What a service announces after a write. `userId` is the user whose action it was;
 * `audience` is exactly who may see the item (project or room members), by default the owner alone.
 * Nobody else receives it.
 */
export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  type: K;
  userId: string;
  data: DomainEventMap[K];
  audience?: readonly string[];
}

export type AnyDomainEvent = { [K in DomainEventType]: DomainEvent<K> }[DomainEventType];
type Listener = (event: AnyDomainEvent) => void | Promise<void>;

export const recipientsOf = (event: AnyDomainEvent) => [...new Set(event.audience ?? [event.userId])];

/**
 * In-process, typed publish/subscribe. A failing listener is logged and never fails the write.
 * Most listeners run after the caller moves on (socket fan-out). Durable listeners store work
 * that must survive a crash (the search index queue): `emit` resolves once they are done, so a
 * service that awaits it acknowledges a write only when that work is stored too.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly durableListeners = new Set<Listener>();

  constructor(private readonly log: Logger) {}

  async emit<K extends DomainEventType>(event: DomainEvent<K>): Promise<void> {
    const run = (listener: Listener) =>
      Promise.resolve()
        .then(() => listener(event as AnyDomainEvent))
        .catch((error: unknown) => this.log.error({ err: error, eventType: event.type }, 'event listener failed'));
    for (const listener of this.listeners) void run(listener);
    await Promise.all([...this.durableListeners].map(run));
  }

  subscribe(listener: Listener, options: { durable?: boolean } = {}): () => void {
    const set = options.durable ? this.durableListeners : this.listeners;
    set.add(listener);
    return () => set.delete(listener);
  }
}
