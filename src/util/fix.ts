/**
 * Fixer helpers shared by rules: editing object literals and argument lists without dropping comments or
 * breaking the layout of the surrounding code.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type FixFunction = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Adds `props` (source texts such as `'httpOnly: true'`) to an object literal, after its last property: on new lines
 * with the same indentation when the object is laid out one property per line (after a trailing comma and any comment
 * on that line), otherwise inline (`{ a: 1, httpOnly: true }`); `{}` becomes `{ httpOnly: true }`. Undefined when the
 * object is empty but holds a comment (the layout is the user's call).
 */
export function insertPropertiesFix(sourceCode: SourceCode, object: TSESTree.ObjectExpression, props: readonly string[]): FixFunction | undefined {
  const list = object.properties;
  if (list.length === 0) {
    if (sourceCode.getCommentsInside(object).length > 0) return undefined;
    return (fixer) => fixer.replaceText(object, `{ ${props.join(', ')} }`);
  }
  const last = list[list.length - 1];
  const closing = sourceCode.getLastToken(object)!;
  const indent = sourceCode.lines[last.loc.start.line - 1].slice(0, last.loc.start.column);
  if (closing.loc.start.line > last.loc.end.line && indent.trim() === '') {
    const comma = sourceCode.getTokenAfter(last);
    const hasComma = comma?.value === ',' && comma.type === 'Punctuator';
    const anchor = hasComma ? comma : last;
    const sameLine = sourceCode.getCommentsAfter(anchor).filter((c) => c.loc.start.line === anchor.loc.end.line);
    const end = sameLine.length > 0 ? sameLine[sameLine.length - 1] : anchor;
    const lines = props.map((p) => `\n${indent}${p}`).join(',') + (hasComma ? ',' : '');
    if (hasComma || end === last) return (fixer) => fixer.insertTextAfter(end, hasComma ? lines : `,${lines}`);
    // `a: 1 // note` without a trailing comma: the comma goes after the property, the new lines after the comment
    return (fixer) => [fixer.insertTextAfter(last, ','), fixer.insertTextAfter(end, lines)];
  }
  return (fixer) => fixer.insertTextAfter(last, props.map((p) => `, ${p}`).join(''));
}

/**
 * Adds an options object `{ props }` as the argument at `index` of a call that has exactly `index` arguments
 * (none of them spread), or before `before` (a trailing callback that sits where the options go).
 */
export function insertOptionsArgumentFix(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  props: readonly string[],
  before?: TSESTree.Node,
): FixFunction | undefined {
  const text = `{ ${props.join(', ')} }`;
  if (before) return (fixer) => fixer.insertTextBefore(before, `${text}, `);
  const args = call.arguments;
  if (args.length !== index || index === 0 || args.some((a) => a.type === 'SpreadElement')) return undefined;
  const last = args[index - 1];
  return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
}
