// The settings of a `jwt-lint` run and their encoding into the options module URL (see
// eslint-options.ts). Kept free of heavy imports so that `--help` and usage errors stay fast.

export type Preset = 'recommended' | 'strict' | 'all';
export const presets: readonly Preset[] = ['recommended', 'strict', 'all'];

/** Everything a run varies; encoded into the options module URL. */
export interface RunSettings {
  preset: Preset;
  fix: boolean;
  /** ESLint's base path: an ancestor of every linted file. */
  cwd: string;
  concurrency: number | 'auto' | 'off';
  /** tsconfig.json files for typed linting; empty = no type information. */
  projects: string[];
  /** `--type-aware`: sets the shared setting `settings['jwt-lint'].typeAware` (resolve imports through the project). */
  typeAware: boolean;
}

/** The file extensions jwt-lint lints. */
export const lintedExtensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

export const isJwtLintRule = (ruleId: string | null | undefined): boolean =>
  typeof ruleId === 'string' && ruleId.startsWith('jwt-lint/');

export function settingsToURL(base: URL, s: RunSettings): URL {
  const url = new URL(base.href);
  url.searchParams.set('preset', s.preset);
  url.searchParams.set('fix', s.fix ? '1' : '0');
  url.searchParams.set('cwd', s.cwd);
  url.searchParams.set('concurrency', String(s.concurrency));
  url.searchParams.set('projects', JSON.stringify(s.projects));
  url.searchParams.set('typeAware', s.typeAware ? '1' : '0');
  return url;
}

export function settingsFromURL(url: URL): RunSettings {
  const p = url.searchParams;
  const preset = (p.get('preset') ?? 'recommended') as Preset;
  if (!presets.includes(preset)) throw new Error(`unknown preset '${preset}'`);
  const c = p.get('concurrency') ?? 'off';
  const concurrency = c === 'auto' || c === 'off' ? c : Number(c);
  return {
    preset,
    fix: p.get('fix') === '1',
    cwd: p.get('cwd') ?? process.cwd(),
    concurrency,
    projects: JSON.parse(p.get('projects') ?? '[]') as string[],
    typeAware: p.get('typeAware') === '1',
  };
}


export const formats = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof formats)[number];
