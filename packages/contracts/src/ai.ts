import { z } from 'zod';
import { defineRoute } from './http.ts';

export const chatMessage = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(100_000, 'must be at most 100000 characters'),
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const chatBody = z.strictObject({
  messages: z.array(chatMessage).min(1, 'must not be empty').max(100),
});

export const completeBody = z.strictObject({
  prompt: z.string().trim().min(1, 'must not be empty').max(100_000),
  system: z.string().max(20_000).optional(),
});

export const tokenUsage = z.object({ promptTokens: z.number().int().nullable(), completionTokens: z.number().int().nullable() });

export const completion = z.object({ text: z.string(), model: z.string(), usage: tokenUsage });

const tags = ['ai'] as const;

export const aiRoutes = {
  chat: defineRoute({
    method: 'post',
    path: '/api/ai/chat',
    summary:
      'Chat with the configured language model, streamed as Server-Sent Events: `token` events `{text}`, then one `done` `{model, usage}` or `error` `{title, detail}`',
    tags,
    access: 'user',
    body: chatBody,
    stream: 'text/event-stream',
    errors: [503],
  }),
  complete: defineRoute({
    method: 'post',
    path: '/api/ai/complete',
    summary: 'One completion from the configured language model',
    tags,
    access: 'user',
    body: completeBody,
    response: completion,
    errors: [503],
  }),
};
