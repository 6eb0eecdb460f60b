// `npm run bench`: every benchmark, one after the other, printing its figures.
await import('./api.bench.ts');
