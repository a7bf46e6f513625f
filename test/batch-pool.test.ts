import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineExecutor, WorkerPool, type ExecutorSettings } from '../src/worker/pool.js';
import { orderedMap } from '../src/worker/ordered.js';
import { listFixtures } from './helpers.js';

const settings: ExecutorSettings = { rulesFiles: [], encode: { encode: true, format: 'ndjson', single: false, table: 'quotes', width: 100 } };
const fixtures = listFixtures('articles').slice(0, 3);
const tasks = fixtures.map((f) => ({ path: f.name, format: 'text' as const, bytes: readFileSync(f.input) }));

describe('WorkerPool', () => {
  it('gives what the main thread gives, for every task', async () => {
    const inline = inlineExecutor(settings);
    const pool = new WorkerPool(2, settings);
    try {
      const expected = await Promise.all(tasks.map((t) => inline.run(t)));
      expect(await Promise.all(tasks.map((t) => pool.run(t)))).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  it('hands a task whose thread runs out of memory to the main thread: same result as --jobs 1', async () => {
    const inline = inlineExecutor(settings);
    const starved = new WorkerPool(1, settings, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 });
    try {
      expect(await starved.run(tasks[0])).toEqual(await inline.run(tasks[0]));
    } finally {
      await starved.close();
    }
  });

  it('reports a rules file it cannot load as a usage error', async () => {
    const pool = new WorkerPool(1, { ...settings, rulesFiles: ['/nonexistent/rules.yaml'] });
    try {
      await expect(pool.run(tasks[0])).rejects.toThrow(/rules\.yaml: cannot read rules file/);
    } finally {
      await pool.close();
    }
  });
});

describe('orderedMap', () => {
  it('hands results over in source order whatever order they finish in, never more than the window at once', async () => {
    const delays = [30, 5, 20, 1, 10, 0, 25, 3];
    let inFlight = 0;
    let most = 0;
    const out: number[] = [];
    async function* source() {
      for (let i = 0; i < delays.length; i++) yield i;
    }
    await orderedMap(
      source(),
      () => 1,
      async (i) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, delays[i]));
        return i * 10;
      },
      (result) => {
        inFlight--;
        out.push(result);
      },
      { window: 3, maxWeight: Infinity },
    );
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('stops pulling and handing over once told to stop', async () => {
    const pulled: number[] = [];
    const out: number[] = [];
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled.push(i);
        yield i;
      }
    }
    await orderedMap(source(), () => 1, async (i) => i, (r) => void out.push(r), { window: 4, maxWeight: Infinity, shouldStop: () => out.length >= 2 });
    expect(out).toEqual([0, 1]);
    expect(pulled.length).toBeLessThanOrEqual(6);
  });
});
