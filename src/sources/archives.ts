import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../errors.js';
import type { PathFilter } from './filter.js';
import { readError, readStreamBytes, type ReadLimits } from './files.js';
import { failedInput, formatOf, memberInput, mirrorPath, tooLarge, type ArchiveKind, type SourceInput } from './input.js';

/** The inputs inside an archive (loaded only when an archive is named: its libraries cost start-up time). */
export function archiveInputs(kind: ArchiveKind, named: string, limits: ReadLimits, members: PathFilter): AsyncGenerator<SourceInput> | SourceInput {
  const path = resolve(limits.cwd, named);
  switch (kind) {
    case 'tar':
    case 'tar.gz':
      return tarInputs(named, path, kind === 'tar.gz', limits.maxBytes, members);
    case 'zip':
      return zipInputs(named, path, limits.maxBytes, members);
    case 'gz':
      return gzipInput(named, path, limits.maxBytes);
  }
}

function corrupt(what: string, err: Error): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code && !code.startsWith('Z_') && !code.startsWith('ERR_')) return readError(err);
  return new InputError('EARCHIVE', `corrupt or truncated ${what}: ${err.message}`);
}

/** A single gzip-compressed article ("a.txt.gz"): one input, named as the file is. */
function gzipInput(named: string, path: string, maxBytes: number): SourceInput {
  const inner = named.replace(/\.gz$/i, '');
  const read = () => {
    const gunzip = createGunzip();
    pipeline(createReadStream(path), gunzip, () => {});
    return readStreamBytes(gunzip, maxBytes, { describe: (err) => corrupt('gzip data', err) });
  };
  return { path: named, target: mirrorPath(inner), format: formatOf(inner), read };
}

/**
 * The regular-file members of a tar (optionally gzipped) archive, in archive order. Each
 * member is read whole as it streams past (at most maxBytes kept), so the archive is never
 * held in memory and the caller may wait between members. A damaged archive ends with an
 * error record for the member being read, or for the archive when it broke between members.
 */
async function* tarInputs(named: string, path: string, gzipped: boolean, maxBytes: number, members: PathFilter): AsyncGenerator<SourceInput> {
  const extract = tar.extract();
  const stages: NodeJS.ReadWriteStream[] = gzipped ? [createGunzip()] : [];
  pipeline([createReadStream(path), ...stages, extract as unknown as NodeJS.WritableStream], () => {});
  const what = gzipped ? 'tar.gz archive' : 'tar archive';
  let current: string | null = null;
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      const wanted = (type === 'file' || type === 'contiguous-file') && members.file(name.replace(/^\.\//, ''));
      if (!wanted) {
        await skipEntry(entry as unknown as NodeJS.ReadableStream);
        continue;
      }
      current = name;
      const outcome = await readStreamBytes(entry as unknown as Readable, maxBytes, { drain: true, describe: (err) => corrupt(what, err) }).then(
        (bytes) => ({ bytes }),
        (error: InputError) => ({ error }),
      );
      // a member cut short by a broken archive is reported once, here
      if ('error' in outcome && outcome.error.code === 'EARCHIVE') {
        yield memberInput(named, name, () => Promise.reject(outcome.error));
        return;
      }
      current = null;
      yield memberInput(named, name, () => ('bytes' in outcome ? Promise.resolve(outcome.bytes) : Promise.reject(outcome.error)));
    }
  } catch (err) {
    const where = current === null ? named : `${named}:${current}`;
    yield failedInput(where, corrupt(what, err as Error));
  }
}

function skipEntry(entry: NodeJS.ReadableStream): Promise<void> {
  return new Promise((done) => {
    entry.once('end', done);
    entry.once('error', () => done());
    entry.resume();
  });
}

/**
 * The file members of a zip archive in central-directory order. Zip needs random access, so
 * the archive is read from its file, never from a pipe; a member's declared size is checked
 * against --max-bytes before it is inflated, and the inflated bytes are counted as well.
 */
async function* zipInputs(named: string, path: string, maxBytes: number, members: PathFilter): AsyncGenerator<SourceInput> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    yield failedInput(named, corrupt('zip archive', err as Error));
    return;
  }
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith('/') || !members.file(name)) continue;
      if (entry.uncompressedSize > maxBytes) {
        yield memberInput(named, name, () => Promise.reject(tooLarge(maxBytes, entry.uncompressedSize)));
        continue;
      }
      const bytes = await readZipEntry(zip, entry, maxBytes).then(
        (value) => ({ value }),
        (error: InputError) => ({ error }),
      );
      yield memberInput(named, name, () => ('value' in bytes ? Promise.resolve(bytes.value) : Promise.reject(bytes.error)));
    }
  } catch (err) {
    yield failedInput(named, corrupt('zip archive', err as Error));
  } finally {
    zip.close();
  }
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function readZipEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(corrupt('zip archive', err));
      readStreamBytes(stream, maxBytes, { describe: (e) => corrupt('zip archive', e) }).then(resolve, reject);
    }),
  );
}
