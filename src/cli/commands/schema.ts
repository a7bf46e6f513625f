import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { CliIO } from '../io.js';

/** The JSON Schema of the record, shipped in the package (schema/record.schema.json). */
export const SCHEMA_FILE = new URL('../../../schema/record.schema.json', import.meta.url);

/** `treaty-extract schema`: prints the JSON Schema that every record (and error record) validates against. */
export function schemaCommand(io: CliIO): Command {
  return new Command('schema').description('print the JSON Schema of the output record').action(() => {
    io.stdout.write(readFileSync(SCHEMA_FILE, 'utf8'));
  });
}
