import { describe, expect, it } from 'vitest';
import { analyze, target } from '../helpers/analyze.js';

describe('analysis test harness', () => {
  it('hands the probe the marked target expression and the file name', () => {
    const got = analyze('const a = 1; target(a + 2);', (context, program) => ({
      type: target(program).type,
      filename: context.filename,
    }), { filename: '/tmp/x.ts' });
    expect(got).toEqual({ type: 'BinaryExpression', filename: '/tmp/x.ts' });
  });
  it('reports parse errors instead of probing', () => {
    expect(() => analyze('const = ;', () => 1)).toThrow(/parse error/);
  });
});
