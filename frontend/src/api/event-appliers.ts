import type { DomainEventMap, DomainEventType } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';

/** How one domain event changes the client's state (usually the query cache). */
export type EventApplier<K extends DomainEventType> = (queryClient: QueryClient, data: DomainEventMap[K]) => void;

/** What a feature (or the shell) declares for the events it cares about. */
export type EventAppliers = { [K in DomainEventType]?: EventApplier<K> };

export interface EventDispatcher {
  /** Every event name some applier listens to: the socket subscribes to exactly these. */
  readonly types: DomainEventType[];
  dispatch<K extends DomainEventType>(type: K, data: DomainEventMap[K]): void;
}

/** Merges the appliers of every feature; one failing applier does not stop the others. */
export function createDispatcher(sources: readonly EventAppliers[], queryClient: QueryClient): EventDispatcher {
  const byType = new Map<DomainEventType, EventApplier<never>[]>();
  for (const source of sources) {
    for (const [type, applier] of Object.entries(source) as [DomainEventType, EventApplier<never>][]) {
      byType.set(type, [...(byType.get(type) ?? []), applier]);
    }
  }
  return {
    types: [...byType.keys()],
    dispatch(type, data) {
      for (const applier of byType.get(type) ?? []) {
        try {
          (applier as EventApplier<typeof type>)(queryClient, data);
        } catch (error) {
          console.error(`applying ${type} failed`, error);
        }
      }
    },
  };
}
