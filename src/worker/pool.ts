import { Worker, type ResourceLimits } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { loadRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { runTask, type EncodeSettings, type Task, type TaskResult } from './task.js';

/** Runs tasks; results come back as promises, in whatever order they finish. */
export interface Executor {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Everything a thread needs to run tasks: the user's rules files and how to encode records. */
export interface ExecutorSettings {
  rulesFiles: string[];
  encode: EncodeSettings;
}

/** The pipeline on the calling thread (a single article: no thread to start). */
export function inlineExecutor(settings: ExecutorSettings): Executor {
  let rules: RuleSet | undefined;
  return {
    async run(task) {
      rules ??= loadRules({ files: settings.rulesFiles });
      return runTask(task, rules, settings.encode);
    },
    async close() {},
  };
}

interface Pending {
  id: number;
  task: Task;
  resolve(result: TaskResult): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** tasks sent to this worker, oldest (the one it is running) first */
  running: Pending[];
}

/**
 * Each thread's heap limits. V8 lets a heap with a multi-gigabyte ceiling grow far past what
 * it holds live (about 30 MB here) before it collects; under a low ceiling it collects
 * early, which keeps a two-thread batch near 250 MB instead of 450 MB (bench/run.mjs). An
 * article that needs more heap than this is retried on the main thread (see `lose`), whose
 * heap has the process's full ceiling, so no article fails for it.
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * A pool of worker threads, each loading the rules once. Threads start on demand (a batch of
 * two articles starts two at most) and each holds up to two tasks, so a thread never waits
 * for the main thread between articles. A thread that runs out of memory hands its task to
 * the main thread, which has the process's full heap (so the result is the one --jobs 1
 * gives); a thread that dies otherwise (a bug) fails its task with an error record. The
 * tasks queued behind it go to a fresh thread.
 */
export class WorkerPool implements Executor {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private fatal: UsageError | null = null;
  private closing = false;
  private mainThread: Executor | null = null;

  constructor(
    private readonly size: number,
    private readonly settings: ExecutorSettings,
    private readonly limits: ResourceLimits = THREAD_LIMITS,
  ) {}

  run(task: Task): Promise<TaskResult> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length) {
      const thread = this.pickThread();
      if (!thread) return;
      const pending = this.queue.shift()!;
      thread.running.push(pending);
      // copied, not transferred: a task must survive its thread dying, and 5 KB copies cost nothing
      thread.worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  private pickThread(): Thread | null {
    const idle = this.threads.find((t) => t.running.length === 0);
    if (idle) return idle;
    if (this.threads.length < this.size) return this.spawn();
    const least = this.threads.reduce((a, b) => (b.running.length < a.running.length ? b : a));
    return least.running.length < 2 ? least : null;
  }

  private spawn(): Thread {
    const worker = startWorker({ rulesFiles: this.settings.rulesFiles, encode: this.settings.encode }, this.limits);
    const thread: Thread = { worker, running: [] };
    this.threads.push(thread);
    worker.on('message', (message: { id: number; result: TaskResult } | { fatal: string }) => {
      if ('fatal' in message) return this.failAll(new UsageError(message.fatal));
      const index = thread.running.findIndex((p) => p.id === message.id);
      const [pending] = thread.running.splice(index, 1);
      pending.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (err) => this.lose(thread, err));
    worker.on('exit', (code) => {
      if (!this.closing && code !== 0) this.lose(thread, new Error(`worker thread exited with code ${code}`));
    });
    return thread;
  }

  /** A thread died: its current task fails, the rest are queued again for another thread. */
  private lose(thread: Thread, err: Error): void {
    const index = this.threads.indexOf(thread);
    if (index === -1) return;
    this.threads.splice(index, 1);
    void thread.worker.terminate();
    const [current, ...waiting] = thread.running;
    if (current && (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.mainThread ??= inlineExecutor(this.settings);
      this.mainThread.run(current.task).then(current.resolve, current.reject);
    } else {
      current?.resolve({ ok: false, code: 'EINTERNAL', message: `worker thread failed: ${err.message}`, stack: err.stack });
    }
    this.queue.unshift(...waiting);
    if (this.fatal) this.failAll(this.fatal);
    else this.dispatch();
  }

  private failAll(error: UsageError): void {
    this.fatal = error;
    for (const pending of [...this.queue, ...this.threads.flatMap((t) => t.running)]) pending.reject(error);
    this.queue.length = 0;
    for (const t of this.threads) t.running.length = 0;
  }
}

/**
 * Starts the worker script next to this module. Run from the TypeScript sources (the test
 * suite), the thread first registers tsx so it can load them too; the built package never
 * takes that path.
 */
function startWorker(workerData: ExecutorSettings, resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData, resourceLimits });
  const script = new URL('./worker.ts', here).href;
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
