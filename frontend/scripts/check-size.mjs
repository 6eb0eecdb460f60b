#!/usr/bin/env node
// Prints the gzip size of every JS chunk and fails when the initial load exceeds the budget:
// the entry and its static imports, which hold the login screen and the shell's chrome. Chunks
// loaded on demand (the data layer with TanStack Query and the socket, each tab, preferences,
// first-run setup, English) are listed but not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 100;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const initialScreens = ['index.html'];

const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;

/** A chunk and every chunk it imports statically (those load with it). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`check-size: ${key} is not in the build manifest (renamed?)`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const initial = new Set(initialScreens.flatMap((key) => [...closure(key)]).map((key) => manifest[key].file));
const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
const rows = all.map((file) => ({ file, kb: gzipKb(file), initial: initial.has(file) })).sort((a, b) => b.kb - a.kb);

const total = (list) => list.reduce((sum, row) => sum + row.kb, 0);
const format = (kb) => `${kb.toFixed(1).padStart(6)} KB`;
console.log('JS chunks (gzip):');
for (const row of rows) console.log(`  ${format(row.kb)}  ${row.initial ? 'initial ' : 'on demand'}  ${row.file}`);

const initialKb = total(rows.filter((row) => row.initial));
console.log(`\nInitial load (login + shell): ${format(initialKb)} of ${BUDGET_KB} KB budget`);
console.log(`Loaded on demand:             ${format(total(rows.filter((row) => !row.initial)))}`);
if (initialKb > BUDGET_KB) {
  console.error(`\nFAIL: the initial load exceeds ${BUDGET_KB} KB gzip by ${(initialKb - BUDGET_KB).toFixed(1)} KB.`);
  process.exit(1);
}
