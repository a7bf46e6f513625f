import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../rules/load.js';
import { runTask, type EncodeSettings, type Task } from './task.js';

/**
 * A worker thread: compiles the rules once, then runs tasks as they come, in the order they
 * come. Messages: in `{ id, task }`; out `{ id, result }`, or `{ fatal }` once when the rules
 * cannot be loaded (a usage error the main thread reports).
 */
interface WorkerSettings {
  rulesFiles: string[];
  encode: EncodeSettings;
}

const settings = workerData as WorkerSettings;
const port = parentPort!;
let rules;
try {
  rules = loadRules({ files: settings.rulesFiles });
} catch (err) {
  port.postMessage({ fatal: err instanceof Error ? err.message : String(err) });
}
if (rules) {
  const loaded = rules;
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    port.postMessage({ id, result: runTask(task, loaded, settings.encode) });
  });
}
