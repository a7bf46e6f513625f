import { positiveInteger } from '../arguments.js';
import { Command, Option } from 'commander';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { articleInputs, extractInput } from '../../api.js';
import { UsageError } from '../../errors.js';
import { ReportBuilder } from '../../render/report/report.js';
import { loadRules } from '../../rules/load.js';
import { INPUT_FORMATS, type InputFormat } from '../../sources/index.js';
import { isErrorRecord } from '../../types.js';
import { EXIT_INPUT_FAILED, EXIT_OK, type CliIO, type CommandResult } from '../io.js';

const EXAMPLES = `
Examples:
  treaty-extract report articles/ -o report.html          every article under a folder
  treaty-extract report edm-2005.tar.gz -o edm-2005.html  the members of an archive
  treaty-extract report a.txt b.txt --title "Alliances, 2005" -o report.html`;

interface ReportCliOptions {
  output?: string;
  title: string;
  pageSize: number;
  rules?: string[];
  include?: string[];
  exclude?: string[];
  inputFormat: InputFormat;
}

/**
 * `treaty-extract report`: one self-contained HTML file for a batch. The records are the ones
 * `extract` writes (same inputs, same order, same error records); the report only lays them out.
 */
export function reportCommand(io: CliIO, result: CommandResult): Command {
  return new Command('report')
    .description('write one self-contained HTML report of a batch of articles')
    .argument('<inputs...>', 'article files, directories or archives; "-" reads standard input')
    .option('-o, --output <file>', 'write the report to FILE (needed when standard output is a terminal)')
    .option('--title <text>', 'the report heading', 'treaty-extract report')
    .addOption(new Option('--page-size <n>', 'articles per page of the report').argParser(positiveInteger).default(100))
    .option('--rules <file...>', 'extra rules files (YAML) applied after the built-in ones')
    .option('--include <glob...>', 'in directories and archives, read only names matching these globs')
    .option('--exclude <glob...>', 'in directories and archives, skip names matching these globs')
    .addOption(new Option('--input-format <format>', 'how to read the inputs').choices(INPUT_FORMATS).default('auto'))
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts: ReportCliOptions) => {
      result.exitCode = await runReport(inputs, opts, io);
    });
}

async function runReport(inputs: string[], opts: ReportCliOptions, io: CliIO): Promise<number> {
  if (!opts.output && io.stdout.isTTY) throw new UsageError('the report is an HTML file: name it with -o, e.g. -o report.html');
  const rules = loadRules({ files: opts.rules });
  const builder = new ReportBuilder({ title: opts.title, pageSize: opts.pageSize, taxonomy: rules.provisionTypes.map((t) => ({ id: t.id, atop: t.atop })) });
  const scratch = await mkdtemp(join(tmpdir(), 'treaty-extract-report-'));
  try {
    // the summary comes first in the file but needs every record: articles go to a scratch file meanwhile
    const bodyPath = join(scratch, 'articles.html');
    const body = createWriteStream(bodyPath);
    let failed = 0;
    const sources = { cwd: io.cwd, inputFormat: opts.inputFormat, include: opts.include, exclude: opts.exclude };
    for await (const input of articleInputs(inputs, sources, io.stdin)) {
      const { record, text } = await extractInput(input, rules, true);
      if (isErrorRecord(record)) {
        failed++;
        io.stderr.write(`treaty-extract: ${record.error.message}\n`);
      }
      await write(body, builder.add(record, text));
    }
    const end = builder.finish();
    await write(body, end.body);
    body.end();
    await once(body, 'close');
    if (opts.output) await writeAtomically(resolve(io.cwd, opts.output), end.head, bodyPath, end.tail);
    else await assemble(io.stdout, end.head, bodyPath, end.tail, false);
    return failed ? EXIT_INPUT_FAILED : EXIT_OK;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Written beside the target and renamed into place, so a reader never sees half a report. */
async function writeAtomically(path: string, head: string, bodyPath: string, tail: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const out = createWriteStream(temporary);
    await new Promise<void>((done, fail) => out.once('open', () => done()).once('error', fail));
    await assemble(out, head, bodyPath, tail, true);
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code ?? (err as Error).message}`);
  }
}

async function assemble(out: Writable, head: string, bodyPath: string, tail: string, close: boolean): Promise<void> {
  await write(out, head);
  await pipeline(createReadStream(bodyPath), out, { end: false });
  await write(out, tail);
  if (close) {
    out.end();
    await once(out, 'close');
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (text && !out.write(text)) await once(out, 'drain');
}

