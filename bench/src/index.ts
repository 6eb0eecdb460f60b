// `npm run bench`: every benchmark, one after the other, printing its figures.
// BENCH_ONLY=p1 (or api, search, chat, soak, markdown, reindex, web, lighthouse, workspace, people, alarms, budget, calendar, panorama-import, journal, desktop, android) runs one of them.
import { alarmsBench } from './alarms.bench.ts';
import { androidBench } from './android.bench.ts';
import { apiBench } from './api.bench.ts';
import { budgetBench } from './budget.bench.ts';
import { calendarBench } from './calendar.bench.ts';
import { chatBench } from './chat.bench.ts';
import { desktopBench } from './desktop.bench.ts';
import { journalBench } from './journal.bench.ts';
import { lighthouseBench } from './lighthouse.bench.ts';
import { markdownBench } from './markdown.bench.ts';
import { p1Bench } from './p1.bench.ts';
import { panoramaImportBench } from './panorama-import.bench.ts';
import { peopleBench } from './people.bench.ts';
import { reindexBench } from './reindex.bench.ts';
import { searchBench } from './search.bench.ts';
import { soakBench } from './soak.bench.ts';
import { webBench } from './web.bench.ts';
import { workspaceBench } from './workspace.bench.ts';

const benches: Record<string, () => Promise<void>> = {
  api: apiBench,
  p1: p1Bench,
  search: searchBench,
  chat: chatBench,
  soak: soakBench,
  markdown: markdownBench,
  reindex: reindexBench,
  web: webBench,
  lighthouse: lighthouseBench,
  workspace: workspaceBench,
  people: peopleBench,
  alarms: alarmsBench,
  budget: budgetBench,
  calendar: calendarBench,
  'panorama-import': panoramaImportBench,
  journal: journalBench,
  desktop: desktopBench,
  android: androidBench,
};
const only = process.env.BENCH_ONLY;
for (const [name, run] of Object.entries(benches)) {
  if (!only || only === name) await run();
}
