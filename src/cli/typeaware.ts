// `--type-aware`: which linted files belong to a TypeScript project.
//
// tsconfig.json files are read with the TypeScript API (JSON only: `extends` chains are followed,
// nothing is executed, language-service plugins are never loaded). Files that no project includes
// are linted without type information, so a partial tsconfig never turns into parse errors.
import path from 'node:path';
import { existsSync } from 'node:fs';
import ts from 'typescript';
import { findRepoRoot, isInside } from './discover.js';

export interface TypedSplit {
  /** tsconfig.json files that include at least one linted file. */
  projects: string[];
  typed: string[];
  untyped: string[];
  /** Problems reading a tsconfig.json (one line each). */
  problems: string[];
}

/** tsconfig.json files at or above each directory target, up to its repository root. */
export function ancestorTsconfigs(dirs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const dir of dirs) {
    const stop = findRepoRoot(dir) ?? dir;
    for (let d = dir; isInside(stop, d); d = path.dirname(d)) {
      const candidate = path.join(d, 'tsconfig.json');
      if (existsSync(candidate)) {
        out.add(candidate);
        break;
      }
      if (path.dirname(d) === d) break;
    }
  }
  return [...out];
}

const normalise = (p: string): string => (ts.sys.useCaseSensitiveFileNames ? path.resolve(p) : path.resolve(p).toLowerCase());

export function splitByProject(files: readonly string[], tsconfigs: readonly string[]): TypedSplit {
  const problems: string[] = [];
  const wanted = new Map(files.map((f) => [normalise(f), f]));
  const typedSet = new Set<string>();
  const projects: string[] = [];
  for (const config of tsconfigs) {
    let parsed: ts.ParsedCommandLine | undefined;
    try {
      parsed = ts.getParsedCommandLineOfConfigFile(
        config,
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            problems.push(`${config}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
          },
        },
      );
    } catch (err) {
      problems.push(`${config}: ${(err as Error).message}`);
    }
    if (!parsed) continue;
    // 18003, "No inputs were found", only means the project has no files here.
    const errors = parsed.errors.filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003);
    if (errors.length > 0) {
      // typescript-eslint would fail every file of a broken project; lint them without types instead.
      problems.push(`${config}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, ' ')} (project not used)`);
      continue;
    }
    let used = false;
    for (const name of parsed.fileNames) {
      const file = wanted.get(normalise(name));
      if (file && !typedSet.has(file)) {
        typedSet.add(file);
        used = true;
      }
    }
    if (used) projects.push(config);
  }
  return {
    projects,
    typed: files.filter((f) => typedSet.has(f)),
    untyped: files.filter((f) => !typedSet.has(f)),
    problems,
  };
}
