/** What a directory walk picks up when no --include is given: text, web pages and archives. */
export const DEFAULT_INCLUDE = ['*.txt', '*.text', '*.md', '*.htm', '*.html', '*.gz', '*.tgz', '*.tar', '*.zip'];
/** Inside an archive only articles are taken: an archive in an archive is not opened. */
export const DEFAULT_MEMBER_INCLUDE = ['*.txt', '*.text', '*.md', '*.htm', '*.html'];

/**
 * --include/--exclude globs. A pattern without "/" matches the base name anywhere ("*.txt",
 * "drafts"); one with "/" matches the path relative to the directory argument or the archive
 * ("2005/**"). Excluded directories are not entered.
 */
export interface PathFilter {
  file(relative: string): boolean;
  directory(relative: string): boolean;
}

/** Built only when a directory or archive is read: the glob library costs start-up time. */
export async function pathFilter(include: string[], exclude: string[]): Promise<PathFilter> {
  const { default: picomatch } = await import('picomatch');
  const matcher = (globs: string[]): ((relative: string) => boolean) => {
    const byPath = globs.filter((g) => g.includes('/')).map((g) => picomatch(g, { dot: true }));
    const byName = globs.filter((g) => !g.includes('/')).map((g) => picomatch(g, { dot: true }));
    return (relative) => {
      const name = relative.slice(relative.lastIndexOf('/') + 1);
      return byName.some((m) => m(name)) || byPath.some((m) => m(relative));
    };
  };
  const included = matcher(include);
  const excluded = exclude.length ? matcher(exclude) : () => false;
  return {
    file: (relative) => included(relative) && !excluded(relative),
    directory: (relative) => !excluded(relative),
  };
}
