import { describe, expect, it } from 'vitest';
import { en as chatEn } from '../features/chat/messages-en.ts';
import { fr as chatFr } from '../features/chat/messages-fr.ts';
import { en as filesEn } from '../features/files/messages-en.ts';
import { fr as filesFr } from '../features/files/messages-fr.ts';
import { en as dashboardEn } from '../features/dashboard/messages-en.ts';
import { fr as dashboardFr } from '../features/dashboard/messages-fr.ts';
import { en as notesEn } from '../features/notes/messages-en.ts';
import { fr as notesFr } from '../features/notes/messages-fr.ts';
import { en as projectsEn } from '../features/projects/messages-en.ts';
import { fr as projectsFr } from '../features/projects/messages-fr.ts';
import { en as tasksEn } from '../features/tasks/messages-en.ts';
import { fr as tasksFr } from '../features/tasks/messages-fr.ts';
import { leaves } from './leaves.ts';

const namespaces: Record<string, [object, object]> = {
  dashboard: [dashboardFr, dashboardEn],
  projects: [projectsFr, projectsEn],
  tasks: [tasksFr, tasksEn],
  notes: [notesFr, notesEn],
  chat: [chatFr, chatEn],
  files: [filesFr, filesEn],
};

describe.each(Object.entries(namespaces))('the %s namespace', (_, [fr, en]) => {
  it('has the same keys and variables in French and English, none empty', () => {
    const english = new Map(leaves(en));
    expect([...english.keys()]).toEqual(leaves(fr).map(([key]) => key));
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(fr)) {
      expect(text.trim(), key).not.toBe('');
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
    }
  });
});
