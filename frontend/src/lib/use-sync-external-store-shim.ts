// Stands in for the `use-sync-external-store/shim` package react-i18next imports (vite.config.ts
// aliases it here): React 19 has the hook, and the package's fallback for React 16–17 was about
// 0.6 KB gzip of dead code in the initial load.
export { useSyncExternalStore } from 'react';
