import { describe, expect, it } from 'vitest';
import { perFile } from '../../src/analysis/per-file.js';
import { analyze } from '../helpers/analyze.js';

describe('perFile', () => {
  it('computes once per file, also for falsy answers, and again for another file', () => {
    let calls = 0;
    const count = perFile(() => {
      calls++;
      return undefined;
    });
    analyze('const a = 1;', (context) => [count(context), count(context)]);
    expect(calls).toBe(1);
    analyze('const b = 2;', (context) => count(context));
    expect(calls).toBe(2);
  });
});
