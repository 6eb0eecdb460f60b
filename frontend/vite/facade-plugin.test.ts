import { describe, expect, it } from 'vitest';
import { facadePlugin } from './facade-plugin.ts';

type Bundle = Record<
  string,
  { type: 'chunk'; fileName: string; code: string; isEntry: boolean; imports: string[]; dynamicImports: string[] }
>;

const chunk = (fileName: string, code: string, more: Partial<Bundle[string]> = {}) => ({
  type: 'chunk' as const,
  fileName,
  code,
  isEntry: false,
  imports: [],
  dynamicImports: [],
  ...more,
});

function generate(bundle: Bundle) {
  const hook = facadePlugin().generateBundle as { handler: (options: unknown, bundle: Bundle) => void };
  hook.handler({}, bundle);
  return bundle;
}

describe('the facade plugin', () => {
  it('loads the group chunk where a lazy import named a chunk that only re-exported it, and drops that chunk', async () => {
    const bundle = generate({
      'assets/shell.js': chunk('assets/shell.js', 'const r=()=>import(`./task-replica-1.js`).then(e=>[e.taskReplica]);', {
        isEntry: true,
        dynamicImports: ['assets/task-replica-1.js'],
      }),
      'assets/task-replica-1.js': chunk(
        'assets/task-replica-1.js',
        'export{i as taskReplica,j as putTask,dropTask}from"./signed-in-2.js";',
        { imports: ['assets/signed-in-2.js'] },
      ),
      'assets/signed-in-2.js': chunk('assets/signed-in-2.js', 'export{a as i,b as j,c as dropTask};'),
    });
    expect(Object.keys(bundle)).toEqual(['assets/shell.js', 'assets/signed-in-2.js']);
    expect(bundle['assets/shell.js']!.code).toBe(
      'const r=()=>import(`./signed-in-2.js`).then(m=>({taskReplica:m.i,putTask:m.j,dropTask:m.dropTask})).then(e=>[e.taskReplica]);',
    );
    expect(bundle['assets/shell.js']!.dynamicImports).toEqual(['assets/signed-in-2.js']);
    // The rewritten expression gives what the facade module gave.
    const m = { i: 'replica', j: 'put', dropTask: 'drop' };
    const picked = new Function('m', 'return ({taskReplica:m.i,putTask:m.j,dropTask:m.dropTask})')(m) as object;
    expect(picked).toEqual({ taskReplica: 'replica', putTask: 'put', dropTask: 'drop' });
  });

  it('keeps a re-exporting chunk that something imports statically, and every chunk with code of its own', () => {
    const bundle = generate({
      'assets/a.js': chunk('assets/a.js', 'import"./b.js";import(`./c.js`);', {
        imports: ['assets/b.js'],
        dynamicImports: ['assets/c.js'],
      }),
      'assets/b.js': chunk('assets/b.js', 'export{x}from"./d.js";'),
      'assets/c.js': chunk('assets/c.js', 'const y=1;export{y};'),
      'assets/d.js': chunk('assets/d.js', 'export{x};'),
    });
    expect(Object.keys(bundle)).toEqual(['assets/a.js', 'assets/b.js', 'assets/c.js', 'assets/d.js']);
  });

  it('fails the build when a chunk still names a facade it could not rewrite', () => {
    expect(() =>
      generate({
        'assets/a.js': chunk('assets/a.js', 'const f="./e.js";import(f);', { dynamicImports: ['assets/e.js'] }),
        'assets/e.js': chunk('assets/e.js', 'export{x}from"./d.js";'),
        'assets/d.js': chunk('assets/d.js', 'export{x};'),
      }),
    ).toThrow(/assets\/a\.js still names e\.js/);
  });
});
