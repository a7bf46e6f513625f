import type { OutputRecord } from '../types.js';
import { yamlDocument } from './yaml.js';

/**
 * Stage 9: records to text. Key order is the order the pipeline builds records in (fixed),
 * long strings are never folded, and nothing depends on time or place, so the same input
 * always gives the same bytes.
 */
export type DataFormat = 'yaml' | 'json' | 'ndjson';

export function serializeRecord(record: OutputRecord, format: DataFormat): string {
  switch (format) {
    case 'yaml':
      return yamlDocument(record);
    case 'json':
      return JSON.stringify(record, null, 2);
    case 'ndjson':
      return `${JSON.stringify(record)}\n`;
  }
}
