/** The query of my sessions list: the shell refreshes it when one of my sessions is signed out elsewhere. */
export const sessionsKey = ['auth', 'sessions'] as const;
