// The rule registry: every rule of the plugin, by name. Add a rule here and in docs/rules/.
import NoHardcodedSecret from '../rules/no-hardcoded-secret.js';
import RequireAlgorithms from '../rules/require-algorithms.js';
import NoNoneAlgorithm from '../rules/no-none-algorithm.js';
import NoAlgorithmConfusion from '../rules/no-algorithm-confusion.js';
import RequireExpiration from '../rules/require-expiration.js';
import MaxTokenLifetime from '../rules/max-token-lifetime.js';
import RequireAudience from '../rules/require-audience.js';
import RequireIssuer from '../rules/require-issuer.js';
import NoDecodeWithoutVerify from '../rules/no-decode-without-verify.js';
import NoNaiveTimestamp from '../rules/no-naive-timestamp.js';
import NoSensitivePayload from '../rules/no-sensitive-payload.js';
import NoTokenInStorage from '../rules/no-token-in-storage.js';
import SecureTokenCookie from '../rules/secure-token-cookie.js';
import NoInsecureRandomness from '../rules/no-insecure-randomness.js';
import NoIgnoredVerifyError from '../rules/no-ignored-verify-error.js';

export const rules = {
  'no-hardcoded-secret': NoHardcodedSecret,
  'require-algorithms': RequireAlgorithms,
  'no-none-algorithm': NoNoneAlgorithm,
  'no-algorithm-confusion': NoAlgorithmConfusion,
  'require-expiration': RequireExpiration,
  'max-token-lifetime': MaxTokenLifetime,
  'require-audience': RequireAudience,
  'require-issuer': RequireIssuer,
  'no-decode-without-verify': NoDecodeWithoutVerify,
  'no-naive-timestamp': NoNaiveTimestamp,
  'no-sensitive-payload': NoSensitivePayload,
  'no-token-in-storage': NoTokenInStorage,
  'secure-token-cookie': SecureTokenCookie,
  'no-insecure-randomness': NoInsecureRandomness,
  'no-ignored-verify-error': NoIgnoredVerifyError,
};

export type RuleName = keyof typeof rules;
