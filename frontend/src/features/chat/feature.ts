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
  commands: [
    {
      id: 'chat.newDirect',
      title: 'chat.newDirect',
      icon: 'plus',
      keywords: ['chat', 'message', 'discussion', 'contact'],
      perform: ({ navigate }) => navigate('/chat/new'),
    },
  ],
  events: () => import('./chat-events.ts').then((m) => m.loadChatEvents()),
  badge: chatBadge,
};
