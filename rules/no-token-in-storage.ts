import { createRule } from '../src/util/createRule.js';
import { getStorageWrites, storageKey, type StorageWrite } from '../src/analysis/storage.js';
import { tokenValueEvidence } from '../src/analysis/token-values.js';
import { isAuthCookieName, isStorageTokenKey } from '../src/analysis/names.js';
import { resolveValue, type AnyContext } from '../src/analysis/values.js';

export type Options = [];
export type MessageIds = 'tokenInStorage' | 'tokenInCookie';

/** Whether the write stores a token: its key says so (through constants), or its value is one. */
function storesToken(context: AnyContext, write: StorageWrite): boolean {
  // a removal (`document.cookie = 'token=; expires=…'`) or a statically known value is not a stored token
  if (!write.value || resolveValue(context, write.value).kind === 'known') return false;
  const key = storageKey(context, write);
  if (key.kind !== 'unknown') {
    const cookie = write.kind !== 'web-storage';
    if (isStorageTokenKey(key.text) || (cookie && key.kind === 'known' && isAuthCookieName(key.text))) return true;
  }
  return tokenValueEvidence(context, write.value) !== undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-token-in-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing tokens where page scripts can read them',
      recommended: 'recommended',
      category: 'Storage and transport',
      cwe: ['CWE-922'],
      securitySeverity: '5.4',
    },
    messages: {
      tokenInStorage:
        'This stores a token in `{{target}}`, which every script on the page can read; keep the access token in memory and the refresh token in an `httpOnly` cookie.',
      tokenInCookie:
        'This writes a token to a script-readable cookie (`{{target}}`); let the server set it as an `httpOnly` cookie, or keep the access token in memory.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const write of getStorageWrites(context)) {
          if (!storesToken(context, write)) continue;
          context.report({
            node: write.node,
            messageId: write.kind === 'web-storage' ? 'tokenInStorage' : 'tokenInCookie',
            data: { target: write.target },
          });
        }
      },
    };
  },
});
