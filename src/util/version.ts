import { readFileSync } from 'node:fs';

/** Reads our own package.json, whether running from `src/` (tests) or from `dist/src/` (shipped). */
function readOwnPackage(): { name: string; version: string } {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jwt-lint' && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // try the next candidate
    }
  }
  return { name: 'jwt-lint', version: '0.0.0' };
}

const pkg = readOwnPackage();
export const name: string = pkg.name;
export const version: string = pkg.version;
