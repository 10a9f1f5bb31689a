import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets that the embedded setup keeps in the data folder (the internal-token secret, identity's
 * signing key, tenancy's integration key) when no environment variable gives them.
 */

/** The file's content, or undefined when there is no such file. */
export function readKeyFile(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/**
 * Reads the key in `file`, writing what `generate` returns (readable by the owner only) when the
 * file does not exist yet. Processes starting at once agree on one key: the 'wx' flag lets only the
 * first write, and the others read what it wrote.
 */
export function readOrCreateKeyFile(file: string, generate: () => string | Buffer): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8');
}
