import { createStore } from '../../lib/store.ts';

/** Unread messages across rooms, shown on the tab; set by chat-events.ts once the data layer loads. */
export const chatBadge = createStore(0);
