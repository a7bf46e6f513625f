import { positiveInteger, byteSize } from '../arguments.js';
import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
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
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, interruptedExitCode, type CliIO, type CommandResult } from '../io.js';
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

/** How many articles may be between reading and writing at once, per thread; and how many bytes in all. */
const WINDOW_PER_THREAD = 8;
const WINDOW_BYTES = 64 * 1024 * 1024;

/** Why an input gave no record: its error record's code and message (and a stack for --debug). */
type Failure = { code: string; message: string; stack?: string };

/** An input on its way through the batch: read (bytes), refused (error), or already done (skipped). */
type Prepared =
  | { input: SourceInput; bytes: Uint8Array }
  | { input: SourceInput; error: Failure }
  | { input: SourceInput; skipped: true };

async function runExtract(args: string[], opts: ExtractCliOptions, io: CliIO): Promise<number> {
  checkOptions(args, opts);
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
  const file = opts.output ? await openOutput(opts.output) : null;
  const out = file?.stream ?? io.stdout;
  const sink = new RecordSink(out, io, opts, single);
  // a batch runs on worker threads even with --jobs 1: their heaps are kept small (pool.ts)
  // and the main thread stays free to read and write
  const jobs = single ? 1 : opts.jobs;
  const settings = { rulesFiles: opts.rules ?? [], encode: sink.encodeSettings };
  const executor: Executor = single ? inlineExecutor(settings) : new WorkerPool(jobs, settings);
  if (sink.progressShown) void countArticles(args, sources).then((n) => n !== null && sink.progress.setTotal(n), () => {});
  try {
    await orderedMap(
      prepare(discoverInputs(args, sources), sink.outputDir, !!opts.skipExisting),
      (item) => ('bytes' in item ? item.bytes.length : 0),
      (item) => ('bytes' in item ? executor.run({ path: item.input.path, format: item.input.format, bytes: item.bytes }) : Promise.resolve(null)),
      (result, item) => sink.take(result, item),
      { window: WINDOW_PER_THREAD * jobs, maxWeight: WINDOW_BYTES, shouldStop: () => sink.stopped || !!io.signal?.aborted },
    );
  } catch (err) {
    await file?.discard();
    throw err;
  } finally {
    await executor.close();
    await sink.outputDir?.discard();
  }
  // stopped by a signal: what was written is whole (records are written whole, a JSON array is closed)
  if (io.signal?.aborted) sink.progress.message(`treaty-extract: interrupted by ${io.signal.reason}; the summary counts what was written`);
  try {
    await sink.end();
    await file?.commit();
  } catch (err) {
    await file?.discard();
    throw err;
  }
  if (io.signal?.aborted) return interruptedExitCode(String(io.signal.reason));
  return sink.stats.failed ? EXIT_INPUT_FAILED : EXIT_OK;
}

function checkOptions(args: string[], opts: ExtractCliOptions): void {
  if (opts.output && opts.outputDir) throw new UsageError('--output and --output-dir do not go together');
  if (opts.skipExisting && !opts.outputDir) throw new UsageError('--skip-existing goes with --output-dir');
  if (opts.null && !opts.filesFrom) throw new UsageError('-0/--null goes with --files-from');
  if (args.filter((a) => a === '-').length + (opts.filesFrom === '-' ? 1 : 0) > 1) {
    throw new UsageError('standard input can be read only once ("-" named twice)');
  }
}

/**
 * Where results go, in input order: records to the output stream (or to files under
 * --output-dir), error records in the failed inputs' places with one line on stderr, the
 * counts for the progress line and the summary. Says when the batch should stop: at the
 * first failure with --fail-fast, or when the output's reader has gone.
 */
class RecordSink {
  readonly stats = emptyStats();
  readonly progress: Progress;
  readonly progressShown: boolean;
  readonly outputDir: OutputDirectory | null;
  readonly encodeSettings: EncodeSettings;
  private readonly writer: RecordWriter;
  private readonly streamOptions: WriterOptions;
  private readonly recordOptions: WriterOptions;
  private readonly output: ReturnType<typeof watchOutput>;
  private failedFast = false;

  constructor(
    out: Writable,
    io: CliIO,
    private readonly opts: ExtractCliOptions,
    private readonly single: boolean,
  ) {
    const view = presentation(opts, out, io.env);
    this.streamOptions = { single: single && !opts.outputDir, presentation: view };
    this.writer = new RecordWriter(out, opts.format, this.streamOptions);
    this.outputDir = opts.outputDir ? new OutputDirectory(opts.outputDir, formatExtension(opts.format)) : null;
    // records for files are whole documents; colour palettes cannot cross threads
    const portable = view.palette === PLAIN_PRESENTATION.palette && !view.colorYaml;
    this.encodeSettings = { encode: portable, format: opts.format, single: this.streamOptions.single || !!this.outputDir, table: view.table, width: view.width };
    this.recordOptions = { ...this.streamOptions, single: this.encodeSettings.single };
    this.progressShown = !!io.stderr.isTTY && !opts.quiet && !single;
    this.progress = new Progress(io.stderr, this.progressShown);
    this.output = watchOutput(out);
  }

  get stopped(): boolean {
    return this.failedFast || this.output.closed;
  }

  async take(result: TaskResult | null, item: Prepared): Promise<void> {
    if ('skipped' in item) this.stats.skipped++;
    else if ('error' in item) await this.fail(item.input, item.error);
    else if (result && !result.ok) await this.fail(item.input, result);
    else if (result?.ok) await this.succeed(item.input, result);
    this.progress.update(this.stats);
  }

  /** Closes the stream (a JSON array's bracket), then the progress line and the summary. */
  async end(): Promise<void> {
    if (!this.output.closed) this.writer.end();
    this.progress.finish(this.stats, { summary: !this.opts.quiet && !this.single });
    if (this.output.error) throw new UsageError(`cannot write output: ${this.output.error.message}`);
  }

  private async succeed(input: SourceInput, result: Extract<TaskResult, { ok: true }>): Promise<void> {
    this.stats.articles++;
    this.stats.quotes += result.quotes;
    this.stats.provisions += result.provisions;
    const text = result.text ?? encodeRecord(result.record!, this.opts.format, this.recordOptions);
    if (this.outputDir && input.target !== null) await writeFile(this.outputDir, input.target, wrapDocument(text, this.opts.format, this.recordOptions));
    else await this.emit(text);
  }

  private async fail(input: SourceInput, error: Failure): Promise<void> {
    this.stats.failed++;
    this.progress.message(`treaty-extract: ${input.path}: ${error.message}`);
    if (this.opts.debug && error.stack) this.progress.message(error.stack);
    const record: ErrorRecord = { schema: SCHEMA_ID, source: { path: input.path }, error: { code: error.code, message: `${input.path}: ${error.message}` } };
    // with --output-dir, error records go to standard output: a resumed run tries those inputs again
    await this.emit(encodeRecord(record, this.opts.format, this.streamOptions));
    if (this.opts.failFast) this.failedFast = true;
  }

  private async emit(text: string): Promise<void> {
    if (!this.writer.writeEncoded(text)) await this.output.drained();
  }
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

/**
 * --output FILE, written atomically: to a temporary file beside it, renamed into place once the
 * stream is closed, so a reader never sees half a run; a run that fails leaves FILE as it was.
 */
async function openOutput(path: string): Promise<{ stream: Writable; commit(): Promise<void>; discard(): Promise<void> }> {
  const temporary = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`cannot write ${path}: ${err.code ?? err.message}`)));
  });
  const close = () => new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return {
    stream,
    async commit() {
      await close();
      await rename(temporary, path);
    },
    async discard() {
      await close().catch(() => {});
      await rm(temporary, { force: true });
    },
  };
}
