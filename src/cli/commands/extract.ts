import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { InputError, UsageError } from '../../errors.js';
import { extract } from '../../pipeline.js';
import { loadRules } from '../../rules/load.js';
import type { RuleSet } from '../../rules/types.js';
import { fileInput, type Input } from '../../sources/files.js';
import { SCHEMA_ID, type ErrorRecord, type OutputRecord } from '../../types.js';
import { RecordWriter, FORMAT_NAMES, type OutputFormat } from '../output.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO, type CommandResult } from '../io.js';

const EXAMPLES = `
Examples:
  treaty-extract article.txt                     one article, YAML record on stdout
  cat article.txt | treaty-extract               read standard input
  treaty-extract a.txt b.txt --format ndjson     one JSON record per line, in input order
  treaty-extract a.txt -o a.yaml                 write to a file
  treaty-extract eval --gold gold/ --articles articles/
  treaty-extract rules                           list the provision taxonomy`;

interface ExtractCliOptions {
  format: OutputFormat;
  output?: string;
  rules?: string[];
  debug?: boolean;
}

/** The default command: articles in, one record (or error record) per article out, in input order. */
export function extractCommand(io: CliIO, result: CommandResult): Command {
  return new Command('extract')
    .description('turn articles into records (the default command)')
    .argument('[inputs...]', 'article files; "-" reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('yaml'))
    .option('-o, --output <file>', 'write records to FILE instead of standard output')
    .option('--rules <file...>', 'extra rules files (YAML) applied after the built-in ones')
    .option('--debug', 'print stack traces for unexpected errors')
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts: ExtractCliOptions, command: Command) => {
      if (!inputs.length) {
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

async function runExtract(paths: string[], opts: ExtractCliOptions, io: CliIO): Promise<number> {
  const rules = loadRules({ files: opts.rules });
  const out = opts.output ? await openOutput(opts.output) : io.stdout;
  const writer = new RecordWriter(out, opts.format, { single: paths.length === 1 });
  let failed = 0;
  for (const path of paths) {
    const record = await processInput(fileInput(path, io.stdin), rules, io, !!opts.debug);
    if ('error' in record) failed++;
    writer.write(record);
  }
  writer.end();
  if (out !== io.stdout) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}

/** One input -> one record; a failure becomes an error record in its place and one line on stderr. */
export async function processInput(input: Input, rules: RuleSet, io: CliIO, debug: boolean): Promise<OutputRecord> {
  try {
    const bytes = await input.read();
    return extract(bytes, { path: input.path, rules });
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'EINTERNAL';
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`treaty-extract: ${input.path}: ${message}\n`);
    if (debug && !(err instanceof InputError) && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    const record: ErrorRecord = { schema: SCHEMA_ID, source: { path: input.path }, error: { code, message: `${input.path}: ${message}` } };
    return record;
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
