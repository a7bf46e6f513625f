import { Command, Option } from 'commander';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../../errors.js';
import { scoreArticle, totalFigures, type ArticleScore, type Figures, type GoldArticle } from '../../eval/score.js';
import { extract } from '../../pipeline.js';
import { loadRules } from '../../rules/load.js';
import { EXIT_INPUT_FAILED, EXIT_OK, type CliIO, type CommandResult } from '../io.js';

interface EvalOptions {
  gold: string;
  articles: string;
  format: 'text' | 'json';
  verbose?: boolean;
  min: string[];
  rules?: string[];
}

/** `treaty-extract eval`: precision, recall and F1 against hand annotations (GOLD.md). */
export function evalCommand(io: CliIO, result: CommandResult): Command {
  return new Command('eval')
    .description('score extraction against hand annotations (GOLD.md format)')
    .requiredOption('--gold <dir>', 'folder of NAME.yaml gold files')
    .requiredOption('--articles <dir>', 'folder of NAME.txt articles (or NAME/input.txt)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('-v, --verbose', 'one line per article, with speaker misses')
    .option('--min <key=value>', 'fail (exit 1) when a figure is below VALUE, e.g. quote_f1=1', collect, [])
    .option('--rules <file...>', 'extra rules files')
    .addHelpText('after', '\nExample:\n  treaty-extract eval --gold ../shared/devset/gold --articles ../shared/devset/articles -v\n')
    .action((opts: EvalOptions) => {
      result.exitCode = runEval(opts, io);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function runEval(opts: EvalOptions, io: CliIO): number {
  const rules = loadRules({ files: opts.rules });
  if (!existsSync(opts.gold)) throw new UsageError(`${opts.gold}: no such gold folder`);
  const names = readdirSync(opts.gold).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
  const scores: ArticleScore[] = names.map((name) => {
    const gold = (parse(readFileSync(join(opts.gold, `${name}.yaml`), 'utf8')) ?? {}) as GoldArticle;
    const article = [join(opts.articles, `${name}.txt`), join(opts.articles, name, 'input.txt')].find((p) => existsSync(p));
    if (!article) {
      io.stderr.write(`treaty-extract: ${name}: no article ${name}.txt in ${opts.articles}; scored as empty\n`);
      return scoreArticle(name, null, gold, rules);
    }
    return scoreArticle(name, extract(readFileSync(article), { path: article, rules }), gold, rules);
  });
  const figures = totalFigures(scores);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else io.stdout.write(textReport(scores, figures, !!opts.verbose));
  const short = opts.min.filter((spec) => {
    const [key, value] = spec.split('=');
    if (!(key in figures) || key === 'articles' || Number.isNaN(Number(value))) throw new UsageError(`--min ${spec}: expected FIGURE=NUMBER, e.g. quote_f1=1`);
    return figures[key as keyof Figures] < Number(value);
  });
  if (short.length) io.stderr.write(`treaty-extract: below --min: ${short.join(' ')}\n`);
  return short.length ? EXIT_INPUT_FAILED : EXIT_OK;
}

function textReport(scores: ArticleScore[], f: Figures, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    for (const s of scores) {
      const c = s.counts;
      lines.push(
        `${s.name.padEnd(40)} quotes ${c.quoteTp}/${c.quotePred}p/${c.quoteGold}g  provisions ${c.provGoldOk}/${c.provPred}p/${c.provGold}g` +
          `  missing-types [${s.missingTypes.join(', ')}] extra-types [${s.extraTypes.join(', ')}]`,
      );
      for (const m of s.speakerMisses) lines.push(`    speaker miss: "${m.quote}…" gold ${m.gold}, predicted ${m.predicted ?? 'none'}`);
    }
  }
  const pct = (x: number) => x.toFixed(3);
  lines.push(
    `quotes      P ${pct(f.quote_p)}  R ${pct(f.quote_r)}  F1 ${pct(f.quote_f1)}`,
    `kinds       accuracy ${pct(f.kind_acc)}`,
    `speakers    accuracy ${pct(f.speaker_acc)}`,
    `provisions  P ${pct(f.provision_p)}  R ${pct(f.provision_r)}  F1 ${pct(f.provision_f1)}  (clauses, relaxed)`,
    `types       P ${pct(f.ptype_p)}  R ${pct(f.ptype_r)}  F1 ${pct(f.ptype_f1)}`,
    `parties     P ${pct(f.parties_p)}  R ${pct(f.parties_r)}  F1 ${pct(f.parties_f1)}`,
    `articles=${f.articles} quoteF1=${pct(f.quote_f1)} kind=${pct(f.kind_acc)} speaker=${pct(f.speaker_acc)} provF1=${pct(f.provision_f1)} ptypeF1=${pct(f.ptype_f1)} partiesF1=${pct(f.parties_f1)}`,
  );
  return `${lines.join('\n')}\n`;
}
