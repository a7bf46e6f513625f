import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { extractCommand } from '../src/cli/commands/extract.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { runCli } from './helpers.js';

/** Every long option a command defines (so a new option can never be left out of the help). */
function longOptions(command: ReturnType<typeof extractCommand>): string[] {
  return command.options.map((o) => o.long!).filter(Boolean);
}

const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: '.' };

describe('--help', () => {
  it('lists every option of the default command, and examples for one file, a pipe, an archive, eval and rules', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const option of longOptions(extractCommand(io, { exitCode: 0 }))) expect(stdout).toContain(option);
    for (const command of ['extract', 'report', 'schema', 'eval', 'rules']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const examples = stdout.slice(stdout.indexOf('Examples:'));
    expect(examples).toContain('treaty-extract article.txt ');
    expect(examples).toContain('cat article.txt | treaty-extract');
    expect(examples).toMatch(/treaty-extract \S+ archive\.tar\.gz/);
    expect(examples).toContain('treaty-extract eval ');
    expect(examples).toContain('treaty-extract rules ');
    expect(examples).toContain('--format text');
    expect(examples).toContain('-f csv --table provisions');
    expect(examples).toContain('treaty-extract report ');
  });

  it('lists every option of the report command, with examples', async () => {
    const { code, stdout } = await runCli(['report', '--help']);
    expect(code).toBe(0);
    for (const option of longOptions(reportCommand(io, { exitCode: 0 }))) expect(stdout).toContain(option);
    expect(stdout).toContain('treaty-extract report articles/ -o report.html');
  });
});
