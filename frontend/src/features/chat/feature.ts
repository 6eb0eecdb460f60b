import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';
import { chatBadge } from './chat-badge.ts';

export const chatFeature: FeatureDefinition = {
  id: 'chat',
  path: '/chat',
  icon: 'chat',
  title: 'chat.title',
  shortcut: 'c',
  component: lazyScreen(() => import('./chat-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./chat-events.ts').then((m) => m.loadChatEvents()),
  badge: chatBadge,
};
