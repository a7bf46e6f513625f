import { Command, InvalidArgumentError, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { InputError, UsageError } from '../../errors.js';
import { countArticles, discoverInputs, INPUT_FORMATS, isSingleArticle, type InputFormat, type SourceInput, type SourceOptions } from '../../sources/index.js';
import { DEFAULT_MAX_BYTES } from '../../sources/input.js';
import { SCHEMA_ID, type ErrorRecord } from '../../types.js';
import { orderedMap } from '../../worker/ordered.js';
import { inlineExecutor, WorkerPool, type Executor } from '../../worker/pool.js';
import type { EncodeSettings, TaskResult } from '../../worker/task.js';
import { encodeRecord, formatExtension, FORMAT_NAMES, OutputDirectory, RecordWriter, wrapDocument, type OutputFormat, type WriterOptions } from '../output.js';
import { emptyStats, Progress } from '../progress.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO, type CommandResult } from '../io.js';
import { addPresentationOptions, PLAIN_PRESENTATION, presentation } from '../color.js';
import type { TableName } from '../../render/table.js';

export const EXAMPLES = `
Examples:
  treaty-extract article.txt                     one article, YAML record on stdout
  cat article.txt | treaty-extract               read standard input
  treaty-extract a.txt b.txt --format ndjson     one JSON record per line, in input order
  treaty-extract a.txt -o a.yaml                 write to a file
  treaty-extract a.txt --format text | less -R   annotated reading view (colour kept with --color)
  treaty-extract corpus/ -f csv --table provisions > provisions.csv
  treaty-extract corpus/ archive.tar.gz -j 2     directories and archives, on two threads
  treaty-extract corpus/ --output-dir out/ --skip-existing
                                                 one file per article; rerun to resume
  find . -name '*.txt' -print0 | treaty-extract --files-from - -0
  treaty-extract --input-format ndjson -f ndjson < batch.ndjson
  treaty-extract eval --gold gold/ --articles articles/
  treaty-extract rules                           list the provision taxonomy`;

interface ExtractCliOptions {
  format: OutputFormat;
  table?: TableName;
  color?: boolean;
  output?: string;
  outputDir?: string;
  skipExisting?: boolean;
  rules?: string[];
  jobs: number;
  include?: string[];
  exclude?: string[];
  filesFrom?: string;
  null?: boolean;
  inputFormat: InputFormat;
  maxBytes: number;
  failFast?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** The default command: articles in, one record (or error record) per article out, in input order. */
export function extractCommand(io: CliIO, result: CommandResult): Command {
  const command = new Command('extract')
    .description('turn articles into records (the default command)')
    .argument('[inputs...]', 'article files, directories, archives (.tar, .tar.gz, .tgz, .zip, .gz); "-" reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('yaml'));
  return addPresentationOptions(command)
    .option('-o, --output <file>', 'write records to FILE instead of standard output')
    .option('--output-dir <dir>', 'write one file per input under DIR, mirroring the input paths')
    .option('--skip-existing', 'with --output-dir: leave inputs whose output file exists (resume a run)')
    .option('--rules <file...>', 'extra rules files (YAML) applied after the built-in ones')
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(positiveInteger).default(availableParallelism(), 'available cores'))
    .option('--include <glob...>', 'in directories and archives, take only matching files (default: text, HTML and archives)')
    .option('--exclude <glob...>', 'in directories and archives, leave matching files and folders')
    .option('--files-from <file>', 'read input names from FILE, one a line ("-": standard input)')
    .option('-0, --null', 'with --files-from: names are separated by NUL (find -print0)')
    .addOption(new Option('--input-format <format>', 'how to read inputs: auto decides by name (.html/.htm, .ndjson/.jsonl)').choices(INPUT_FORMATS).default('auto'))
    .addOption(new Option('--max-bytes <size>', 'refuse articles larger than this (e.g. 50MB, 200k)').argParser(byteSize).default(DEFAULT_MAX_BYTES, '50MB'))
    .option('--fail-fast', 'stop at the first input that fails')
    .option('-q, --quiet', 'no progress line and no summary on standard error')
    .option('--debug', 'print stack traces for unexpected errors')
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts: ExtractCliOptions, command: Command) => {
      if (!inputs.length && !opts.filesFrom) {
        if (io.stdin.isTTY) {
          command.outputHelp({ error: true });
          result.exitCode = EXIT_USAGE;
          return;
        }
        inputs = ['-'];
      }
      result.exitCode = await runExtract(inputs, opts, io);
    });
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return Number(value);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m && UNITS[m[2].toLowerCase()];
  if (!m || unit === undefined || unit === null) throw new InvalidArgumentError('a size such as 50MB, 200k or 1048576');
  return Math.floor(Number(m[1]) * unit);
}

/** How many articles may be between reading and writing at once, per thread; and how many bytes in all. */
const WINDOW_PER_THREAD = 8;
const WINDOW_BYTES = 64 * 1024 * 1024;

/** An input on its way through the batch: read (bytes), refused (error), or already done (skipped). */
type Prepared =
  | { input: SourceInput; bytes: Uint8Array }
  | { input: SourceInput; error: { code: string; message: string; stack?: string } }
  | { input: SourceInput; skipped: true };

async function runExtract(args: string[], opts: ExtractCliOptions, io: CliIO): Promise<number> {
  if (opts.output && opts.outputDir) throw new UsageError('--output and --output-dir do not go together');
  if (opts.skipExisting && !opts.outputDir) throw new UsageError('--skip-existing goes with --output-dir');
  if (opts.null && !opts.filesFrom) throw new UsageError('-0/--null goes with --files-from');
  if (args.filter((a) => a === '-').length + (opts.filesFrom === '-' ? 1 : 0) > 1) {
    throw new UsageError('standard input can be read only once ("-" named twice)');
  }

  const sources: SourceOptions = {
    cwd: io.cwd,
    stdin: io.stdin,
    maxBytes: opts.maxBytes,
    inputFormat: opts.inputFormat,
    include: opts.include ?? [],
    exclude: opts.exclude ?? [],
    filesFrom: opts.filesFrom ? { list: opts.filesFrom, nul: !!opts.null } : undefined,
  };
  const single = isSingleArticle(args, sources);
  const out = opts.output ? await openOutput(opts.output) : io.stdout;
  const view = presentation(opts, out, io.env);
  const streamOptions: WriterOptions = { single: single && !opts.outputDir, presentation: view };
  const writer = new RecordWriter(out, opts.format, streamOptions);
  const outputDir = opts.outputDir ? new OutputDirectory(opts.outputDir, formatExtension(opts.format)) : null;
  // records for files are encoded as whole documents; colour palettes cannot cross threads
  const portable = view.palette === PLAIN_PRESENTATION.palette && !view.colorYaml;
  const encode: EncodeSettings = { encode: portable, format: opts.format, single: streamOptions.single || !!outputDir, table: view.table, width: view.width };
  const recordOptions: WriterOptions = { ...streamOptions, single: encode.single };
  // a batch runs on worker threads even with --jobs 1: their heaps are kept small (pool.ts)
  // and the main thread stays free to read and write
  const jobs = single ? 1 : opts.jobs;
  const executor: Executor = single ? inlineExecutor({ rulesFiles: opts.rules ?? [], encode }) : new WorkerPool(jobs, { rulesFiles: opts.rules ?? [], encode });

  const stats = emptyStats();
  const progress = new Progress(io.stderr, !!io.stderr.isTTY && !opts.quiet && !single);
  if (!single && io.stderr.isTTY && !opts.quiet) void countArticles(args, sources).then((n) => n !== null && progress.setTotal(n), () => {});
  const output = watchOutput(out);
  let stopped = false;
  const shouldStop = () => stopped || output.closed;

  const finishRecord = async (text: string) => {
    if (!writer.writeEncoded(text)) await output.drained();
  };
  const reportFailure = async (input: SourceInput, error: { code: string; message: string; stack?: string }) => {
    stats.failed++;
    progress.message(`treaty-extract: ${input.path}: ${error.message}`);
    if (opts.debug && error.stack) progress.message(error.stack);
    const record: ErrorRecord = { schema: SCHEMA_ID, source: { path: input.path }, error: { code: error.code, message: `${input.path}: ${error.message}` } };
    // with --output-dir, error records go to standard output: a resumed run tries those inputs again
    await finishRecord(encodeRecord(record, opts.format, streamOptions));
    if (opts.failFast) stopped = true;
  };

  const sink = async (result: TaskResult | null, item: Prepared) => {
    if ('skipped' in item) stats.skipped++;
    else if ('error' in item) await reportFailure(item.input, item.error);
    else if (result && !result.ok) await reportFailure(item.input, result);
    else if (result?.ok) {
      stats.articles++;
      stats.quotes += result.quotes;
      stats.provisions += result.provisions;
      const text = result.text ?? encodeRecord(result.record!, opts.format, recordOptions);
      if (outputDir && item.input.target !== null) await writeFile(outputDir, item.input.target, wrapDocument(text, opts.format, recordOptions));
      else await finishRecord(text);
    }
    progress.update(stats);
  };

  try {
    await orderedMap(
      prepare(discoverInputs(args, sources), outputDir, !!opts.skipExisting),
      (item) => ('bytes' in item ? item.bytes.length : 0),
      (item) => ('bytes' in item ? executor.run({ path: item.input.path, format: item.input.format, bytes: item.bytes }) : Promise.resolve(null)),
      sink,
      { window: WINDOW_PER_THREAD * jobs, maxWeight: WINDOW_BYTES, shouldStop },
    );
  } finally {
    await executor.close();
    await outputDir?.discard();
  }
  if (!output.closed) writer.end();
  if (out !== io.stdout) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  progress.finish(stats, { summary: !opts.quiet && !single });
  if (output.error) throw new UsageError(`cannot write output: ${output.error.message}`);
  return stats.failed ? EXIT_INPUT_FAILED : EXIT_OK;
}

/**
 * Reads each input in turn (archives and streams must be read in order), leaving out those
 * whose output file exists under --skip-existing. A read failure travels on as an error in
 * the input's place.
 */
async function* prepare(inputs: AsyncIterable<SourceInput>, outputDir: OutputDirectory | null, skipExisting: boolean): AsyncGenerator<Prepared> {
  for await (const input of inputs) {
    if (skipExisting && outputDir && input.target !== null && (await outputDir.exists(input.target))) {
      yield { input, skipped: true };
      continue;
    }
    try {
      yield { input, bytes: await input.read() };
    } catch (err) {
      const error = err instanceof InputError ? { code: err.code, message: err.message } : { code: 'EINTERNAL', message: String((err as Error)?.message ?? err), stack: (err as Error)?.stack };
      yield { input, error };
    }
  }
}

/**
 * The output stream's state: closed early by the reader (EPIPE from `| head`: the batch stops
 * quietly) or failed (disk full: reported). `drained()` waits for room after a write
 * returned false, and gives up when the stream is gone.
 */
function watchOutput(out: Writable) {
  const state = {
    closed: false,
    error: null as Error | null,
    drained: () =>
      new Promise<void>((resolve) => {
        if (state.closed) return resolve();
        const done = () => {
          out.removeListener('drain', done);
          out.removeListener('close', done);
          out.removeListener('error', done);
          resolve();
        };
        out.once('drain', done).once('close', done).once('error', done);
      }),
  };
  out.on('error', (err: NodeJS.ErrnoException) => {
    state.closed = true;
    if (err.code !== 'EPIPE') state.error = err;
  });
  return state;
}

/** A record file that cannot be written (disk full, no permission) ends the batch: exit 2. */
async function writeFile(outputDir: OutputDirectory, target: string, text: string): Promise<void> {
  try {
    await outputDir.write(target, text);
  } catch (err) {
    throw new UsageError(`cannot write ${outputDir.pathOf(target)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function openOutput(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`cannot write ${path}: ${err.code ?? err.message}`)));
  });
  return stream;
}
