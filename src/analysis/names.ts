/**
 * What a name says about the value it holds: a secret, a token (and which kind), a refresh token,
 * an auth cookie, a sensitive claim, something that must be unguessable.
 *
 * Names are split into lowercase words (`JWTSecret` → jwt, secret; `x-auth-token` → x, auth, token).
 * Most English compounds put the meaning in the last word ("head"), the words before it qualify it:
 * `jwtSecret` is a secret, `secretName` is a name. The predicates below look at the head after
 * dropping neutral suffixes (`Value`, `Str`, `Pem`, environment words, digits) and check the
 * qualifiers against small word sets. Everything is a Set / Map lookup; `splitWords` is memoised.
 *
 * Deliberate choices (look-alikes):
 * - `key` alone is not a secret name (React `key`, map keys, storage keys); `apiKey` is not a JWT
 *   secret either (it is a sensitive claim and must be random, though).
 * - `tokenKey` / `TOKEN_KEY` name a storage key, not a token; for storage writes the key *string*
 *   (`'auth_token'`) is what `isStorageTokenKey` judges.
 * - `csrfToken` has `tokenKind` `'csrf'` but is not a bearer credential, so `isTokenName` is false
 *   (a CSRF double-submit token is meant to be readable by scripts); it is randomness-sensitive.
 * - `auth` and `authorization` as whole names are tokens (they hold a credential or `Bearer …`);
 *   `credentials` is not (`fetch(…, { credentials: 'include' })`).
 * - `session` is an auth cookie name but not a storage token key (a `session` storage entry is
 *   usually a UI state object).
 * - `tokens` (plural) is not a token: LLM usage counters (`maxTokens`, `promptTokens`) and arrays.
 * - boolean / function-looking names (`isTokenValid`, `hasToken`, `getSecret`) are none of these.
 */

// ---------------------------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------------------------

const SPLIT_CACHE = new Map<string, readonly string[]>();
const SPLIT_CACHE_MAX = 4096;

/** Character classes for splitting. */
const C = { Other: 0, Lower: 1, Upper: 2, Digit: 3 } as const;
type CharClass = (typeof C)[keyof typeof C];

function charClass(code: number): CharClass {
  if (code >= 97 && code <= 122) return C.Lower;
  if (code >= 65 && code <= 90) return C.Upper;
  if (code >= 48 && code <= 57) return C.Digit;
  return C.Other;
}

/**
 * Split an identifier, property name or string key into lowercase words: camelCase, PascalCase,
 * snake_case, kebab-case, SCREAMING_CASE, dots and other separators; digit runs are words of their
 * own; an upper-case run followed by a lower-case letter ends before its last letter
 * (`JWTSecret` → jwt, secret). Non-ASCII letters are separators. Memoised.
 */
export function splitWords(name: string): readonly string[] {
  const cached = SPLIT_CACHE.get(name);
  if (cached) return cached;
  const words: string[] = [];
  const len = Math.min(name.length, 256);
  let start = -1;
  let prev: CharClass = C.Other;
  for (let i = 0; i < len; i++) {
    const cls = charClass(name.charCodeAt(i));
    if (cls === C.Other) {
      if (start >= 0) words.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) {
      start = i;
    } else {
      // "JWTSecret": the S starts a new word
      const upperRunEnds = cls === C.Lower && prev === C.Upper && i - 1 > start && charClass(name.charCodeAt(i - 2)) === C.Upper;
      const boundary = (cls === C.Upper && prev === C.Lower) || (cls === C.Digit) !== (prev === C.Digit) || upperRunEnds;
      if (boundary) {
        // a digit run followed by a letter (`2faCode`) ends before the letter, not before the digit
        const at = upperRunEnds ? i - 1 : i;
        words.push(name.slice(start, at).toLowerCase());
        start = at;
      }
    }
    prev = cls;
  }
  if (start >= 0) words.push(name.slice(start, len).toLowerCase());
  if (SPLIT_CACHE.size >= SPLIT_CACHE_MAX) SPLIT_CACHE.clear();
  const frozen = Object.freeze(words);
  SPLIT_CACHE.set(name, frozen);
  return frozen;
}

// ---------------------------------------------------------------------------------------------
// Shared word sets
// ---------------------------------------------------------------------------------------------

const set = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Suffix words that do not change what the value is (`jwtSecretValue`, `PRIVATE_KEY_PEM`, `SECRET_DEV`). */
const NEUTRAL_SUFFIX = set(
  'value', 'val', 'str', 'string', 'text', 'raw', 'buffer', 'buf', 'bytes', 'encoded', 'hex', 'b64', 'base', 'base64',
  'pem', 'jwk', 'der', 'material', 'dev', 'development', 'prod', 'production', 'test', 'staging', 'local',
  'default', 'fallback', 'v', 'old', 'new', 'current', 'prev', 'previous', 'next', 'primary', 'secondary',
);

/** First words that make a name a boolean or a function (`isTokenValid`, `getSecret`). */
const PREDICATE_OR_VERB_PREFIX = set(
  'is', 'has', 'have', 'should', 'can', 'must', 'needs', 'need', 'use', 'uses', 'enable', 'enabled', 'disable',
  'require', 'requires', 'get', 'set', 'load', 'fetch', 'read', 'write', 'save', 'store', 'remove', 'delete',
  'clear', 'rotate', 'generate', 'gen', 'create', 'make', 'build', 'validate', 'check', 'verify', 'parse',
  'resolve', 'find', 'lookup', 'with', 'without', 'no', 'missing', 'handle', 'on', 'decode',
  'issue', 'revoke', 'invalidate', 'update', 'ensure', 'assert', 'to', 'from',
);

function isDigits(w: string): boolean {
  return charClass(w.charCodeAt(0)) === C.Digit;
}

/** The words with neutral suffixes and trailing digit words dropped (never down to nothing). */
function core(words: readonly string[]): readonly string[] {
  let end = words.length;
  while (end > 1 && (NEUTRAL_SUFFIX.has(words[end - 1]) || isDigits(words[end - 1]))) end--;
  return end === words.length ? words : words.slice(0, end);
}

function hasAny(words: readonly string[], from: number, to: number, s: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (s.has(words[i])) return true;
  return false;
}

function startsWithPredicateOrVerb(words: readonly string[]): boolean {
  return words.length > 1 && PREDICATE_OR_VERB_PREFIX.has(words[0]);
}

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

const SECRET_HEADS = set('secret', 'passphrase');
/** Qualifiers that make `…Key` key material for signing. */
const KEY_QUALIFIERS = set(
  'secret', 'signing', 'sign', 'signature', 'private', 'jwt', 'jws', 'jwe', 'hmac', 'hs', 'encryption', 'master',
  'shared', 'symmetric', 'refresh', 'access', 'rsa', 'ec', 'ecdsa', 'ed', 'session', 'cookie', 'app',
);
/** Qualifiers that make `…Key` something else whatever else it says. */
const KEY_DISQUALIFIERS = set('public', 'api', 'token', 'storage', 'cache', 'local', 'query', 'map', 'object', 'react');

function isSecretWords(words: readonly string[]): boolean {
  const w = core(words);
  const head = w[w.length - 1];
  if (SECRET_HEADS.has(head)) return true;
  if (head === 'key' && w.length > 1) {
    return hasAny(w, 0, w.length - 1, KEY_QUALIFIERS) && !hasAny(w, 0, w.length - 1, KEY_DISQUALIFIERS);
  }
  return false;
}

/**
 * A name for signing key material: `secret`, `jwtSecret`, `JWT_SECRET`, `secretKey`, `signingKey`,
 * `jwtKey`, `privateKey`, `hmacKey`, `accessTokenSecret`, `secretOrPrivateKey`, `passphrase`.
 * Not `secretary`, `secretsManager`, `secretName`, `secretId`, `keyId`, `publicKey`, `apiKeyHeader`,
 * `key` (too generic).
 */
export function isSecretName(name: string): boolean {
  const words = splitWords(name);
  if (words.length === 0 || startsWithPredicateOrVerb(words)) return false;
  // `secretOrPrivateKey`, `secretOrPublicKey`, `secretOrKey`: any alternative that is a secret
  if (words.includes('or')) {
    let from = 0;
    for (let i = 0; i <= words.length; i++) {
      if (i === words.length || words[i] === 'or') {
        if (i > from && isSecretWords(words.slice(from, i))) return true;
        from = i + 1;
      }
    }
    return false;
  }
  return isSecretWords(words);
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

export type TokenKind = 'access' | 'refresh' | 'id' | 'session' | 'csrf' | 'generic';

const TOKEN_HEADS = set('token', 'jwt', 'jws', 'jwe', 'bearer');
/** Whole names that hold a credential. */
const TOKEN_WHOLE = set('auth', 'authorization', 'accesstoken', 'refreshtoken', 'idtoken', 'authtoken', 'jwttoken');
/** Qualifiers under which a `token` is not a credential (counters, cursors, parser tokens, DI tokens). */
const TOKEN_DISQUALIFIERS = set(
  'max', 'min', 'num', 'count', 'total', 'prompt', 'completion', 'input', 'output', 'used', 'remaining', 'limit',
  'per', 'cancellation', 'cancel', 'abort', 'page', 'pagination', 'continuation', 'cursor', 'sync', 'lexer', 'lex', 'parser',
  'syntax', 'design', 'injection', 'di', 'decoded', 'verified', 'parsed', 'word', 'text', 'css', 'theme', 'color',
  'style', 'ast', 'eof', 'string', 'template', 'regex',
);
/**
 * Tokens another service issues (push-notification device tokens, captcha responses): not our credential when stored
 * or sent, but a `deviceToken` this code *generates* is a credential it hands out.
 */
const PROVIDER_TOKEN_QUALIFIERS = set('captcha', 'recaptcha', 'turnstile', 'hcaptcha', 'push', 'device', 'fcm', 'apns', 'expo', 'notification');

/** Qualifiers that disqualify only right before the head (`NextToken`, but `next-auth.session-token` is auth). */
const TOKEN_ADJACENT_DISQUALIFIERS = set('next', 'resume', 'marker');

function isNonCredentialToken(w: readonly string[], generatedHere = false): boolean {
  const n = w.length;
  if (hasAny(w, 0, n - 1, TOKEN_DISQUALIFIERS)) return true;
  // a `resumeToken` generated here is a session-resumption secret, not a cursor from a feed
  if (n > 1 && TOKEN_ADJACENT_DISQUALIFIERS.has(w[n - 2]) && !(generatedHere && w[n - 2] === 'resume')) return true;
  return !generatedHere && hasAny(w, 0, n - 1, PROVIDER_TOKEN_QUALIFIERS);
}

function kindFromWords(w: readonly string[]): TokenKind {
  let kind: TokenKind = 'generic';
  for (let i = 0; i < w.length; i++) {
    const word = w[i];
    if (word === 'csrf' || word === 'xsrf') return 'csrf';
    if (word === 'refresh') kind = 'refresh';
    else if (kind === 'generic' || kind === 'session') {
      if (word === 'access') kind = 'access';
      else if (word === 'id' && i === w.length - 2) kind = 'id';
      else if (word === 'session' && kind === 'generic') kind = 'session';
    }
  }
  return kind;
}

/**
 * Which kind of token a name holds: `accessToken` → access, `refresh_token` / `REFRESH_JWT` → refresh,
 * `idToken` → id, `sessionToken` → session, `csrfToken` / `XSRF-TOKEN` → csrf, `token` / `jwt` /
 * `authToken` / `bearer` / `auth` → generic; undefined when the name is not a token (`tokenizer`,
 * `maxTokens`, `tokenExpiry`, `tokenType`, `tokenUrl`, `tokenKey`, `hasToken`, `decodedToken`).
 */
export function tokenKind(name: string): TokenKind | undefined {
  return tokenKindOf(splitWords(name));
}

function tokenKindOf(words: readonly string[]): TokenKind | undefined {
  if (words.length === 0 || startsWithPredicateOrVerb(words)) return undefined;
  if (words.length === 1 && TOKEN_WHOLE.has(words[0])) {
    const word = words[0];
    return word.startsWith('access') ? 'access' : word.startsWith('refresh') ? 'refresh' : word.startsWith('id') ? 'id' : 'generic';
  }
  const w = core(words);
  const head = w[w.length - 1];
  if (!TOKEN_HEADS.has(head)) return undefined;
  if (isNonCredentialToken(w)) return undefined;
  return kindFromWords(w);
}

/**
 * A name that holds a bearer credential: `token`, `accessToken`, `access_token`, `jwt`, `idToken`,
 * `authToken`, `bearer`, `refreshToken`, `sessionToken`, `auth`, `authorization`. CSRF tokens are
 * not bearer credentials (see the module comment).
 */
export function isTokenName(name: string): boolean {
  const kind = tokenKind(name);
  return kind !== undefined && kind !== 'csrf';
}

/** `refreshToken`, `refresh_token`, `REFRESH_JWT`; not `rt`, not `refreshInterval`. */
export function isRefreshTokenName(name: string): boolean {
  return tokenKind(name) === 'refresh';
}

/** Words next to `refresh` that make it about refreshing a page, a list or a timer, not a token. */
const REFRESH_DISQUALIFIERS = set(
  'interval', 'rate', 'page', 'pull', 'auto', 'timer', 'time', 'period', 'frequency', 'freq', 'delay', 'timeout',
  'ms', 'button', 'btn', 'icon', 'control', 'view', 'list', 'data', 'ui', 'screen', 'on', 'handle', 'handler',
  'trigger', 'is', 'should', 'needs', 'cache', 'feed', 'table', 'grid', 'window', 'browser', 'state', 'status',
  'loading', 'spinner', 'indicator', 'counter', 'count', 'cycle', 'schedule', 'cron', 'poll', 'polling', 'live',
  'hot', 'soft', 'hard', 'full', 'force', 'manual', 'can', 'enabled', 'disabled', 'enable', 'disable', 'did',
  'will', 'dashboard', 'component', 'widget',
);

/**
 * The name mentions a refresh token (or its secret, lifetime, cookie): `refreshToken`, `REFRESH_SECRET`,
 * `refreshExpiresIn`, `JWT_REFRESH_KEY`, `refresh`. Not `refreshInterval`, `refreshRate`,
 * `autoRefresh`, `refreshPage`, `pullToRefresh`, `onRefresh`, `isRefreshing`, `refreshAccessToken`
 * (a function making a new access token).
 */
export function mentionsRefresh(name: string): boolean {
  const words = splitWords(name);
  const at = words.indexOf('refresh');
  if (at < 0) return false;
  // `refreshAccessToken()` / `refreshIdToken` make a new access / id token: refresh is the verb
  const next = words[at + 1];
  if (next === 'access' || next === 'id') return false;
  return !hasAny(words, 0, words.length, REFRESH_DISQUALIFIERS);
}

/**
 * A browser storage key (`localStorage.setItem(key, …)`) under which a token is kept: `'token'`,
 * `'accessToken'`, `'auth_token'`, `'jwt'`, `'id_token'`, `'refresh_token'`, `'user-token'`,
 * `'authToken'`, `'auth'`, `'myapp:token'`. Not `'tokenizerModel'`, `'theme'`, `'csrfHeaderName'`,
 * `'tokensUsed'`, `'session'` (usually UI state), `'csrf_token'`.
 */
export function isStorageTokenKey(key: string): boolean {
  return isTokenName(key) || isDeviceCredentialName(core(splitWords(key)));
}

/**
 * `deviceToken` / `device_token` where a browser keeps it (Web Storage, cookies): a trusted-device credential the
 * server issued — browsers have no APNs device token, and push tokens are named for their service (`fcmToken`,
 * `pushToken`, `fcmDeviceToken`).
 */
function isDeviceCredentialName(w: readonly string[]): boolean {
  const n = w.length;
  if (n < 2 || !TOKEN_HEADS.has(w[n - 1]) || w[n - 2] !== 'device' || startsWithPredicateOrVerb(w)) return false;
  return !hasAny(w, 0, n - 2, PROVIDER_TOKEN_QUALIFIERS) && !hasAny(w, 0, n - 2, TOKEN_DISQUALIFIERS);
}

/**
 * What the name of a storage-key *expression* says the key holds, when its value is unknown:
 * `STORAGE_KEYS.accessToken` → `accessToken`, `ACCESS_TOKEN_KEY` → `access_token`,
 * `TOKEN_STORAGE_KEY` → `token`, `tokenKey` → `token` (a trailing `key` / `storage key` word is
 * dropped). Undefined when nothing is left (`key`, `storageKey`). Judge the result with
 * `isStorageTokenKey`: `TOKENS_USED_KEY`, `THEME_KEY`, `tokenizerModel` stay non-token names.
 */
export function storageKeyNameMeaning(name: string): string | undefined {
  const words = splitWords(name);
  let end = words.length;
  if (end > 0 && (words[end - 1] === 'key' || words[end - 1] === 'keys')) {
    end--;
    if (end > 0 && words[end - 1] === 'storage') end--;
  } else if (end > 1 && words[end - 1] === 'name' && words[end - 2] === 'key') {
    end -= 2;
  } else {
    return words.length > 0 ? name : undefined;
  }
  return end > 0 ? words.slice(0, end).join('_') : undefined;
}

/**
 * The name is about CSRF protection (`csrf`, `_csrf`, `xsrf`, `XSRF-TOKEN`, `csrfToken`,
 * `generateCsrfToken`, `x-csrf-token`): a double-submit cookie or header value meant to be readable
 * by page scripts, never a bearer credential.
 */
export function isCsrfName(name: string): boolean {
  for (const w of splitWords(name)) if (w === 'csrf' || w === 'xsrf') return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cookies
// ---------------------------------------------------------------------------------------------

const SESSION_HEADS = set('session', 'sess', 'sid', 'sessid', 'sessionid', 'phpsessid', 'jsessionid', 'auth');
const SESSION_DISQUALIFIERS = set('storage', 'timeout', 'csrf', 'xsrf', 'consent', 'tracking', 'analytics', 'count', 'replay');
/** Cookie-name prefixes that only add attributes (`__Host-`, `__Secure-`). */
const COOKIE_PREFIX = set('host', 'secure');

/**
 * A cookie that carries authentication: token names (`token`, `jwt`, `access_token`, `refreshToken`,
 * `id_token`, `next-auth.session-token`), session ids (`session`, `sid`, `connect.sid`,
 * `session_id`, `PHPSESSID`, `appSession`), `auth`, `refresh`, `remember_me`, with `__Host-` /
 * `__Secure-` prefixes. Not `theme`, `locale`, `consent`, `_ga`, `csrf` / `XSRF-TOKEN` (a CSRF
 * double-submit cookie is meant to be readable by scripts), `tokenizer`.
 */
export function isAuthCookieName(name: string): boolean {
  let words = splitWords(name);
  if (name.startsWith('__') && words.length > 1 && COOKIE_PREFIX.has(words[0])) words = words.slice(1);
  if (words.length === 0) return false;
  const kind = tokenKindOf(words);
  if (kind !== undefined) return kind !== 'csrf';
  const w = core(words);
  if (isDeviceCredentialName(w)) return true;
  if (hasAny(w, 0, w.length, SESSION_DISQUALIFIERS) || startsWithPredicateOrVerb(w)) return false;
  const head = w[w.length - 1];
  if (head === 'refresh') return mentionsRefresh(name);
  if (SESSION_HEADS.has(head)) return true;
  // session_id, sessionId, user_session_key
  if ((head === 'id' || head === 'key') && w.length > 1 && (w[w.length - 2] === 'session' || w[w.length - 2] === 'sess')) return true;
  // remember_me, rememberMe, `seed_remember` (a remember-me token under the app's prefix)
  if (w.length === 2 && w[0] === 'remember' && w[1] === 'me') return true;
  if (head === 'remember') return true;
  // a second factor in progress or remembered: `mfa_pending`, `2fa_challenge`, `trusted_device`, `remember_device`
  const mfa = hasAny(w, 0, w.length - 1, MFA_WORDS) || hasWordPair(w, '2', 'fa') || hasWordPair(w, 'two', 'factor');
  if (mfa && MFA_COOKIE_HEADS.has(head)) return true;
  if (w.length === 2 && head === 'device' && REMEMBERED_DEVICE.has(w[0])) return true;
  return false;
}

const REMEMBERED_DEVICE = set('trusted', 'trust', 'remember', 'remembered', 'known');
const MFA_WORDS = set('mfa', 'twofa', 'tfa', 'otp', 'totp', 'twofactor');
const MFA_COOKIE_HEADS = set('pending', 'challenge', 'ticket', 'state', 'remember', 'trust', 'device', 'ref', 'login');

/** `Invitations` → Invitation, `inviteCodes` → inviteCode, `policies` → policy; `status`, `access`, `res` stay. */
export function singularName(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (name.length > 3 && /[^siu]s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/** Heads of fields that identify a person without authenticating them: `email`, `username`, `phone`. */
const IDENTITY_FIELD_HEADS = set('email', 'mail', 'username', 'login', 'phone', 'handle', 'nickname', 'msisdn');

/**
 * A field that names who someone is, not a credential: `email`, `req.body.email`, `userEmail`, `username`,
 * `user_name`, `phone`, `phoneNumber`. A cookie holding one (`remember=<email>` for a login form) does not authenticate.
 */
export function isIdentityFieldName(name: string): boolean {
  const w = core(splitWords(name));
  const n = w.length;
  if (n === 0) return false;
  if (IDENTITY_FIELD_HEADS.has(w[n - 1])) return true;
  return n >= 2 && ((w[n - 1] === 'name' && w[n - 2] === 'user') || (w[n - 1] === 'number' && w[n - 2] === 'phone'));
}

// ---------------------------------------------------------------------------------------------
// Sensitive claims
// ---------------------------------------------------------------------------------------------

export type SensitiveClaimKind = 'password' | 'secret' | 'card' | 'national-id' | 'hash' | 'otp';

const PASSWORD_WORDS = set('password', 'passwd', 'pwd', 'passcode', 'pass', 'pw');
const HASH_WORDS = set('hash', 'hashed', 'digest', 'salt', 'bcrypt', 'argon', 'scrypt');
const OTP_WORDS = set('otp', 'totp', 'hotp', 'mfa', 'twofa', 'tfa');
/** As whole names: the one-time password itself (`mfa` alone is usually a flag: "MFA was used"). */
const OTP_WHOLE = set('otp', 'totp', 'hotp');
const OTP_HEADS = set('secret', 'seed', 'code', 'codes', 'key', 'otp', 'totp', 'hotp', 'uri', 'url');
const CARD_WHOLE = set('cvv', 'cvc', 'cvv2', 'cvc2', 'csc', 'pan', 'iban', 'ccn', 'ccnum');
const CARD_NUMBER_HEADS = set('number', 'num', 'no', 'nr');
const NATIONAL_WHOLE = set('ssn', 'aadhaar', 'aadhar', 'cpf', 'nino', 'sin', 'tin', 'itin');

/**
 * What kind of sensitive data a claim name holds, or undefined:
 * - `password`: password, passwd, pwd, passcode, pin, pinCode, secretAnswer;
 * - `hash`: hash, salt, passwordHash, hashedPassword, passwordSalt;
 * - `otp`: otpSecret, totpSecret, mfaSecret, twoFactorSecret, recoveryCodes, backupCodes, otp;
 * - `secret`: secret, clientSecret, apiKey, privateKey (anything `isSecretName`), apiSecret;
 * - `card`: creditCard, cardNumber, ccNumber, cvv, cvc, pan, iban;
 * - `national-id`: ssn, socialSecurityNumber, nationalId, taxId, passportNumber, driversLicense.
 * Not: passwordChangedAt, passwordUpdatedAt, passwordResetRequired, hasPassword, passwordPolicy,
 * cardType, cardBrand, last4, hashtag, fileHash, secretQuestionId, otpEnabled.
 */
export function isSensitiveClaimName(name: string): SensitiveClaimKind | undefined {
  const words = splitWords(name);
  if (words.length === 0 || startsWithPredicateOrVerb(words)) return undefined;
  const w = core(words);
  const n = w.length;
  const head = w[n - 1];

  if (n === 1) {
    if (PASSWORD_WORDS.has(head) && head !== 'pass' && head !== 'pw') return 'password';
    if (head === 'pin') return 'password';
    if (head === 'hash' || head === 'salt') return 'hash';
    if (OTP_WHOLE.has(head)) return 'otp';
    if (CARD_WHOLE.has(head)) return 'card';
    if (NATIONAL_WHOLE.has(head)) return 'national-id';
    if (head === 'secret' || head === 'passphrase' || head === 'apikey') return 'secret';
    return undefined;
  }
  const hasPassword = hasAny(w, 0, n, PASSWORD_WORDS);
  // passwordHash, hashedPassword, passwordSalt, pwdDigest
  if (hasPassword && (HASH_WORDS.has(head) || (PASSWORD_WORDS.has(head) && hasAny(w, 0, n - 1, HASH_WORDS)))) return 'hash';
  if (PASSWORD_WORDS.has(head) && head !== 'pass' && head !== 'pw') return 'password';
  // pinCode, cardPin, secretAnswer
  if (head === 'pin' || (head === 'code' && w[n - 2] === 'pin')) return 'password';
  if (head === 'answer' && w[n - 2] === 'secret') return 'password';
  // otpSecret, totpSecret, mfaSecret, twoFactorSecret, recoveryCodes, backupCodes
  if (OTP_HEADS.has(head)) {
    if (hasAny(w, 0, n - 1, OTP_WORDS)) return 'otp';
    if (w[n - 2] === 'factor' && n > 2 && (w[n - 3] === 'two' || w[n - 3] === 'multi')) return 'otp';
    if ((head === 'codes' || head === 'code') && (w[n - 2] === 'recovery' || w[n - 2] === 'backup')) return 'otp';
  }
  if (head === 'secret' || (head === 'key' && w[n - 2] === 'api')) return 'secret';
  if (isSecretName(name)) return 'secret';
  // creditCard, cardNumber, ccNumber, card_no, cardCvv
  if (CARD_WHOLE.has(head)) return 'card';
  if (head === 'card' && (w[n - 2] === 'credit' || w[n - 2] === 'debit')) return 'card';
  if (CARD_NUMBER_HEADS.has(head) && (w[n - 2] === 'card' || w[n - 2] === 'cc' || w[n - 2] === 'pan' || w[n - 2] === 'iban' || w[n - 2] === 'account')) {
    return 'card';
  }
  // socialSecurityNumber, nationalId, taxId, passportNumber, driversLicense(Number)
  if (NATIONAL_WHOLE.has(head) && n === 2 && CARD_NUMBER_HEADS.has(w[1])) return 'national-id';
  if (n >= 2 && w[n - 2] === 'ssn') return CARD_NUMBER_HEADS.has(head) ? 'national-id' : undefined;
  if (hasWordPair(w, 'social', 'security') && (head === 'security' || CARD_NUMBER_HEADS.has(head))) return 'national-id';
  if (w[n - 2] === 'national' && (head === 'id' || head === 'number' || head === 'insurance')) return 'national-id';
  if (w[n - 2] === 'tax' && (head === 'id' || CARD_NUMBER_HEADS.has(head))) return 'national-id';
  if (w[n - 2] === 'passport' && CARD_NUMBER_HEADS.has(head)) return 'national-id';
  if ((w[n - 2] === 'driver' || w[n - 2] === 'drivers') && head === 'license') return 'national-id';
  if (n >= 3 && (w[n - 3] === 'driver' || w[n - 3] === 'drivers') && w[n - 2] === 'license' && CARD_NUMBER_HEADS.has(head)) return 'national-id';
  return undefined;
}

function hasWordPair(w: readonly string[], a: string, b: string): boolean {
  for (let i = 0; i + 1 < w.length; i++) if (w[i] === a && w[i + 1] === b) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/** Leading words of generator names that say nothing about the value (`generateResetToken`, `randomToken`). */
const GENERATOR_PREFIX = set(
  'generate', 'gen', 'create', 'make', 'new', 'random', 'rand', 'get', 'build', 'issue', 'next', 'secure', 'unique', 'temp',
  'temporary', 'one', 'time', 'initial', 'rotate', 'regenerate', 'mint',
);
const RANDOM_HEADS = set(
  'token', 'jwt', 'jti', 'jwtid', 'nonce', 'cnonce', 'salt', 'secret', 'otp', 'totp', 'hotp', 'csrf', 'xsrf', 'sid',
  'passcode', 'password', 'passwd', 'pwd', 'pin', 'iv', 'challenge', 'verifier', 'passphrase', 'apikey', 'pepper',
);
/** Heads whose plural names a collection of credentials when qualified (`backupCodes`, `apiKeys`, `sessionIds`). */
const PLURAL_RANDOM_HEADS = new Map([...RANDOM_HEADS, 'code', 'key', 'id'].map((h) => [`${h}s`, h]));
/** Qualifiers that make a `…Code` a credential. */
const CODE_CONTEXT = set(
  'reset', 'verify', 'verification', 'otp', 'mfa', 'twofa', 'invite', 'invitation', 'confirm', 'confirmation', 'auth',
  'authorization', 'activation', 'login', 'magic', 'recovery', 'backup', 'access', 'pin', 'security', 'sms', 'email',
  'unlock', 'pairing', 'redeem', 'signup', 'registration', 'claim', 'share', 'enrollment', 'twofactor', 'tfa',
  // codes that let their holder in or hand something over: `checkinCode`, `pickupCode`, `lockerCode`, `doorCode`
  'checkin', 'pickup', 'locker', 'door', 'gate', 'entry',
);
/** Qualifiers that make a `…Code` a credential right before it: RFC 8628 `deviceCode` / `userCode`, a `joinCode`. */
const ADJACENT_CODE_QUALIFIERS = set('device', 'user', 'join');
const RANDOM_KEY_QUALIFIERS = set(
  'secret', 'api', 'session', 'signing', 'private', 'encryption', 'hmac', 'jwt', 'access', 'master', 'idempotency',
  'activation', 'license', 'reset', 'verification', 'invite', 'recovery',
  // a key that grants rights to whoever holds it (`editKey` of an anonymous paste, `adminKey`)
  'edit', 'admin', 'manage', 'owner', 'host',
);
/** Words that make a `…Family` / `…FamilyId` a refresh-token family. */
const TOKEN_FAMILY_OWNERS = set('refresh', 'token', 'session', 'rt');
/** Qualifiers that make a `…Slug` / `…Link` / `…Id` the only secret of a link that grants access. */
const LINK_QUALIFIERS = set('share', 'sharing', 'invite', 'invitation', 'magic', 'unlisted');

/**
 * A name whose value must be unguessable: token, refreshToken, resetToken, verificationCode, otp,
 * resetCode / verifyCode / otpCode / mfaCode / inviteCode / twoFactorCode, secret, nonce, cnonce, salt, jti, jwtid,
 * jwtId, sessionId, sid, csrf, apiKey, activationKey, password, pin, iv, challenge, `state` (OAuth), codeVerifier;
 * qualified plurals (`backupCodes`, `recoveryCodes`, `apiKeys`). Generator names count (`generateResetToken`,
 * `randomToken`). Not: requestId, traceId, colorCode, zipCode, jitter, delay, sample, shuffle, index, randomColor,
 * `key` (React lists), `code` alone, `tokens` / `codes` alone, pagination tokens (`nextToken`, `pageToken`).
 */
export function isRandomnessSensitiveName(name: string): boolean {
  const all = splitWords(name);
  let from = 0;
  while (from < all.length - 1 && GENERATOR_PREFIX.has(all[from])) from++;
  const words = from === 0 ? all : all.slice(from);
  if (words.length === 0) return false;
  let w = core(words);
  let n = w.length;
  const plural = n > 1 ? PLURAL_RANDOM_HEADS.get(w[n - 1]) : undefined;
  if (plural) w = [...w.slice(0, n - 1), plural];
  n = w.length;
  const head = w[n - 1];
  // `isTokenValid`, `hasSecret` are flags; `verifyCode` is a code (the verb qualifies it)
  // (`checkInPin`: "check-in" is a noun)
  const nounPhrase = words[0] === 'check' && words[1] === 'in';
  if (from === 0 && !nounPhrase && startsWithPredicateOrVerb(words) && !(head === 'code' && CODE_CONTEXT.has(words[0]))) return false;
  if (RANDOM_HEADS.has(head)) {
    // judged on the whole name: the stripped `next` of `nextToken` is AWS-style pagination, not a generator
    // the value is generated here, so a `deviceToken` is one this code issues
    if ((head === 'token' || head === 'jwt') && (isNonCredentialToken(w, true) || isNonCredentialToken(core(all), true))) return false;
    return true;
  }
  if (n === 1) return head === 'state';
  const qualifier = w[n - 2];
  switch (head) {
    case 'code':
      return hasAny(w, 0, n - 1, CODE_CONTEXT) || ADJACENT_CODE_QUALIFIERS.has(qualifier) || hasWordPair(w, 'two', 'factor') || hasWordPair(w, '2', 'fa');
    case 'key':
      return RANDOM_KEY_QUALIFIERS.has(qualifier);
    case 'id':
      if (qualifier === 'family') return hasAny(w, 0, n - 2, TOKEN_FAMILY_OWNERS);
      return qualifier === 'session' || qualifier === 'sess' || qualifier === 'jwt' || LINK_QUALIFIERS.has(qualifier);
    case 'family':
      // a refresh-token family (rotation with reuse detection): `refreshFamily`, `tokenFamily`
      return hasAny(w, 0, n - 1, TOKEN_FAMILY_OWNERS);
    case 'slug':
    case 'link':
      return LINK_QUALIFIERS.has(qualifier);
    case 'state':
      return qualifier === 'oauth' || qualifier === 'csrf' || qualifier === 'oidc';
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

/** Nouns for entities whose records hold personal data and credentials. */
const ENTITY_WORDS = set(
  'user', 'account', 'customer', 'member', 'profile', 'employee', 'patient', 'person', 'admin', 'owner', 'student',
);
/** Nouns that, after an entity word, still name the record (`userDoc`, `userRecord`, `accountEntity`). */
const RECORD_WORDS = set('doc', 'document', 'record', 'entity', 'row', 'model', 'data', 'obj', 'object');
/** Qualifiers saying the value was already reduced to what a token needs (`safeUser`, `tokenUser`). */
const REDUCED_WORDS = set(
  'safe', 'sanitized', 'sanitised', 'public', 'minimal', 'token', 'jwt', 'payload', 'claims', 'claim', 'session',
  'is', 'has', 'dto', 'info', 'id', 'ids', 'name', 'names', 'role', 'roles', 'type',
);

/** Protocols whose "user" is a login name, not a person's record (`mqttUser`, `smtpUser`, `ldapUser`). */
const SERVICE_LOGIN_WORDS = set('mqtt', 'smtp', 'ftp', 'sftp', 'ssh', 'ldap', 'imap', 'amqp', 'proxy', 'basic');

/** A name for an entity record: `user`, `foundUser`, `dbUser`, `userDoc`, `account`. Not `userId`, `safeUser`, `mqttUser`. */
export function isEntityName(name: string): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  for (const w of words) if (REDUCED_WORDS.has(w) || SERVICE_LOGIN_WORDS.has(w)) return false;
  const last = words[words.length - 1];
  if (ENTITY_WORDS.has(last)) return true;
  return words.length >= 2 && RECORD_WORDS.has(last) && ENTITY_WORDS.has(words[words.length - 2]);
}
