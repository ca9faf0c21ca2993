/**
 * Value resolution: what an expression is known to evaluate to, without running anything.
 * STUB — the interface is fixed, the implementation is being written (see docs/architecture.md).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Why a value is not known. */
export type UnknownReason =
  | 'parameter' // a function parameter
  | 'call' // the result of a call we do not model
  | 'env' // an environment read (process.env.X, import.meta.env.X, Deno.env.get)
  | 'spread' // an unknown spread
  | 'import' // an import we could not resolve
  | 'reassigned' // a variable written more than once
  | 'computed' // a computed key or member we cannot resolve
  | 'global' // an undeclared identifier
  | 'limit' // a depth / size bound was hit
  | 'other';

export type Resolved =
  | { kind: 'known'; value: unknown; node: TSESTree.Node }
  | { kind: 'unknown'; reason: UnknownReason; node: TSESTree.Node }
  | { kind: 'absent' };

export declare function resolveValue(context: AnyContext, node: TSESTree.Node | null | undefined): Resolved;
