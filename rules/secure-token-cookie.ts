import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import {
  addOptionsFix,
  cookieCallParts,
  cookieFlag,
  getCookieWrites,
  hasSecurePrefix,
  headerAttributeText,
  headerFlag,
  safeFlagText,
  type CookieWrite,
  type FlagState,
} from '../src/analysis/cookies.js';
import { isAuthCookieName, isCsrfName, mentionsRefresh, tokenKind } from '../src/analysis/names.js';
import { isIdentityFieldValue, tokenValueEvidence } from '../src/analysis/token-values.js';
import { resolveValue, type AnyContext } from '../src/analysis/values.js';
import type { CookieFlag } from '../src/models/cookies.js';

export type Options = [];
export type MessageIds = 'missingFlags' | 'unsafeFlag' | 'addFlags' | 'setFlag';

const FLAGS: readonly CookieFlag[] = ['httpOnly', 'secure', 'sameSite'];
const RISK: Record<CookieFlag, string> = { httpOnly: 'readable by page scripts', secure: 'sent over plain HTTP', sameSite: 'sent on cross-site requests' };
const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

interface Judged {
  name?: string;
  refresh: boolean;
  flags: Record<CookieFlag, FlagState>;
}

/** Decides whether a write sets an auth cookie, and the state of its flags; undefined when it is not one (or unknown). */
function judge(context: AnyContext, write: CookieWrite): Judged | undefined {
  const parts = write.kind === 'call' ? cookieCallParts(context, write) : undefined;
  if (parts?.unknown) return undefined;
  const nameValue = write.kind === 'call' ? resolveValue(context, parts!.name) : undefined;
  const name = write.kind === 'header' ? write.cookie.name : nameValue?.kind === 'known' && typeof nameValue.value === 'string' ? nameValue.value : undefined;
  // a CSRF double-submit cookie (`XSRF-TOKEN`, `_csrf`) is meant to be readable by page scripts
  if (name !== undefined && isCsrfName(name)) return undefined;
  const valueNode = write.kind === 'call' ? parts!.value : write.cookie.valueNode;
  // clearing a cookie (`res.cookie('token', '', { maxAge: 0 })`) or a statically known value is not a token
  if (!valueNode || resolveValue(context, valueNode).kind === 'known') return undefined;
  // a remembered e-mail address or user name identifies, it does not authenticate
  if (isIdentityFieldValue(context, valueNode)) return undefined;
  const evidence = name !== undefined && isAuthCookieName(name) ? undefined : tokenValueEvidence(context, valueNode);
  if (!(name !== undefined && isAuthCookieName(name)) && !evidence) return undefined;
  const refresh = (name !== undefined && (tokenKind(name) === 'refresh' || mentionsRefresh(name))) || evidence?.kind === 'refresh';
  const flags = {} as Record<CookieFlag, FlagState>;
  for (const flag of FLAGS) {
    flags[flag] = write.kind === 'call' ? cookieFlag(context, write, parts!, flag, refresh) : headerFlag(write.cookie, flag, refresh);
  }
  if (hasSecurePrefix(name)) flags.secure = { kind: 'safe' };
  return { name, refresh, flags };
}

export default createRule<Options, MessageIds>({
  name: 'secure-token-cookie',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require auth cookies to be `httpOnly`, `secure` and `sameSite`',
      recommended: 'recommended',
      category: 'Storage and transport',
      cwe: ['CWE-1004', 'CWE-614', 'CWE-1275'],
      securitySeverity: '5.4',
    },
    hasSuggestions: true,
    messages: {
      missingFlags: '`{{api}}` sets the auth cookie {{cookie}} without {{flags}}.',
      unsafeFlag: '`{{flag}}: {{value}}` leaves the auth cookie {{cookie}} {{risk}}.',
      addFlags: 'Add {{flags}}.',
      setFlag: 'Set `{{flag}}: {{safe}}`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const reportedValues = new Set<TSESTree.Node>();
        for (const write of getCookieWrites(context)) {
          if (write.kind === 'call' && write.model.side !== 'server') continue;
          const judged = judge(context, write);
          if (!judged) continue;
          const cookie = judged.name !== undefined ? `\`${judged.name}\`` : 'that carries a token';
          const model = write.kind === 'call' ? write.model : undefined;
          const missing = FLAGS.filter((f) => judged.flags[f].kind === 'missing');
          if (missing.length > 0) {
            const props =
              write.kind === 'call'
                ? missing.map((f) => `${f}: ${safeFlagText(model, f, judged.refresh)}`)
                : missing.map((f) => headerAttributeText(f, judged.refresh));
            const shown = list(props.map((p) => `\`${p}\``));
            const fix = write.kind === 'call' ? addOptionsFix(sourceCode, write, cookieCallParts(context, write), props) : headerFix(write, props);
            context.report({
              node: write.node,
              messageId: 'missingFlags',
              data: { api: write.kind === 'call' ? write.model.label : 'Set-Cookie', cookie, flags: shown },
              suggest: fix ? [{ messageId: 'addFlags', data: { flags: shown }, fix }] : [],
            });
          }
          for (const flag of FLAGS) {
            const state = judged.flags[flag];
            if (state.kind !== 'unsafe' || reportedValues.has(state.node)) continue;
            reportedValues.add(state.node);
            const safe = safeFlagText(model, flag, judged.refresh);
            // edit the value only when it is written in this call (a shared options object may serve other cookies)
            const local = write.node.range[0] <= state.node.range[0] && state.node.range[1] <= write.node.range[1];
            context.report({
              node: state.node,
              messageId: 'unsafeFlag',
              data: { flag, value: sourceCode.getText(state.node), cookie, risk: RISK[flag] },
              suggest: local ? [{ messageId: 'setFlag', data: { flag, safe }, fix: (fixer) => fixer.replaceText(state.node, safe) }] : [],
            });
          }
        }
      },
    };
  },
});

/** Appends `; HttpOnly; Secure; SameSite=…` to a header string written as one literal or template. */
function headerFix(write: Extract<CookieWrite, { kind: 'header' }>, attrs: string[]): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const n = write.node;
  if (n.type !== 'TemplateLiteral' && !(n.type === 'Literal' && typeof n.value === 'string')) return undefined;
  return (fixer) => fixer.insertTextBeforeRange([n.range[1] - 1, n.range[1]], `; ${attrs.join('; ')}`);
}
