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

/** In-process, typed publish/subscribe. A failing listener is logged and never fails the write. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly log: Logger) {}

  emit<K extends DomainEventType>(event: DomainEvent<K>): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(event as AnyDomainEvent))
        .catch((error: unknown) => this.log.error({ err: error, eventType: event.type }, 'event listener failed'));
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
