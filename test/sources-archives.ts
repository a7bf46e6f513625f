import tar from 'tar-stream';
import yazl from 'yazl';

/** Archives built in memory for the tests (no binary is committed): tar via tar-stream, zip via yazl. */
/** A ustar archive of the entries, in the order given. */
export function tarBytes(entries: { name: string; body: Buffer | string; type?: 'file' | 'directory' | 'symlink' }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ name: e.name, type: e.type ?? 'file', ...(e.type === 'symlink' ? { linkname: 'x' } : {}) }, e.type ? undefined : e.body);
  pack.finalize();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pack.on('data', (c: Buffer) => chunks.push(c));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
}

/** A zip of the entries, deflated, in the order given. */
export function zipBytes(entries: { name: string; body: Buffer | string }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.body), e.name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

