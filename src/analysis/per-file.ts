/**
 * Per-file memoisation: `perFile(compute)` returns a function that computes once per linted file (keyed on the
 * Program node, so all rules of a file share the answer) and is safe under worker threads (each has its own map).
 */
import type { AnyContext } from './values.js';

export function perFile<T>(compute: (context: AnyContext) => T): (context: AnyContext) => T {
  const cache = new WeakMap<object, { value: T }>();
  return (context) => {
    const program = context.sourceCode.ast;
    let hit = cache.get(program);
    if (!hit) {
      hit = { value: compute(context) };
      cache.set(program, hit);
    }
    return hit.value;
  };
}
