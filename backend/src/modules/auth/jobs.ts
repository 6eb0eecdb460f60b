import type { JobDefinition } from '../../jobs/runner.ts';
import type { TokenService } from './tokens.ts';

export const authJobs = (tokens: TokenService): JobDefinition[] => [
  { name: 'auth.purge-expired-refresh-tokens', every: '1 hour', run: async () => void (await tokens.purgeExpired()) },
];
