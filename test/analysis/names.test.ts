import { describe, expect, it } from 'vitest';
import {
  isAuthCookieName,
  isCsrfName,
  isEntityName,
  isIdentityFieldName,
  singularName,
  isRandomnessSensitiveName,
  isRefreshTokenName,
  isSecretName,
  isSensitiveClaimName,
  isStorageTokenKey,
  isTokenName,
  mentionsRefresh,
  splitWords,
  storageKeyNameMeaning,
  tokenKind,
} from '../../src/analysis/names.js';

/** Table-driven: every name in `yes` must satisfy the predicate, every name in `no` must not. */
function table(pred: (name: string) => unknown, yes: string[], no: string[]) {
  it.each(yes)('%s → yes', (name) => expect(pred(name)).toBeTruthy());
  it.each(no)('%s → no', (name) => expect(pred(name)).toBeFalsy());
}

describe('splitWords', () => {
  it.each<[string, string[]]>([
    ['JWTSecret', ['jwt', 'secret']],
    ['refreshToken', ['refresh', 'token']],
    ['x-auth-token', ['x', 'auth', 'token']],
    ['JWT_SECRET', ['jwt', 'secret']],
    ['2faCode', ['2', 'fa', 'code']],
    ['v2Token', ['v', '2', 'token']],
    ['AES256Key', ['aes', '256', 'key']],
    ['AccessToken', ['access', 'token']],
    ['access_token', ['access', 'token']],
    ['IDToken', ['id', 'token']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['oauth2Token', ['oauth', '2', 'token']],
    ['last4', ['last', '4']],
    ['connect.sid', ['connect', 'sid']],
    ['__Host-session', ['host', 'session']],
    ['secretOrPrivateKey', ['secret', 'or', 'private', 'key']],
    ['token', ['token']],
    ['A', ['a']],
    ['', []],
    ['__', []],
    ['$el', ['el']],
    ['münchenToken', ['m', 'nchen', 'token']],
  ])('%j → %j', (name, words) => expect(splitWords(name)).toEqual(words));

  it('returns the same (memoised, frozen) array for the same name', () => {
    const a = splitWords('someLongIdentifierName');
    expect(splitWords('someLongIdentifierName')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('stays linear on huge names', () => {
    const words = splitWords('aB'.repeat(50_000));
    expect(words.length).toBeLessThanOrEqual(256);
  });
});

describe('isSecretName', () => {
  table(
    isSecretName,
    [
      'secret', 'jwtSecret', 'JWT_SECRET', 'JWTSecret', 'secretKey', 'SECRET_KEY', 'signingKey', 'jwtKey', 'JWT_KEY',
      'tokenSecret', 'privateKey', 'PRIVATE_KEY', 'hmacKey', 'accessTokenSecret', 'refreshSecret', 'REFRESH_TOKEN_SECRET',
      'secretOrPrivateKey', 'secretOrKey', 'secretOrPublicKey', 'passphrase', 'clientSecret', 'cookieSecret',
      'sessionSecret', 'jwtSecretValue', 'JWT_SECRET_V2', 'PRIVATE_KEY_PEM', 'secret_key_base', 'jwtSigningKey',
      'rsaPrivateKey', 'JWT_SECRET_FALLBACK', 'privateKeyPassphrase', 'masterKey', 'encryptionKey',
    ],
    [
      'key', 'secretary', 'secretsManager', 'secrets', 'secretName', 'SECRET_NAME', 'secretId', 'secretArn', 'secretPath',
      'secretVersion', 'keyId', 'kid', 'publicKey', 'PUBLIC_KEY', 'publicKeyPem', 'apiKeyHeader', 'apiKey', 'tokenKey',
      'TOKEN_KEY', 'storageKey', 'cacheKey', 'isSecret', 'hasSecret', 'getSecret', 'generateSecret', 'secretQuestionId',
      'privateKeyPath', 'signingKeyId', 'token', 'password', 'keyOrSecretName', '',
    ],
  );
});

describe('tokenKind / isTokenName / isRefreshTokenName', () => {
  it.each<[string, string | undefined]>([
    ['token', 'generic'],
    ['jwt', 'generic'],
    ['authToken', 'generic'],
    ['bearer', 'generic'],
    ['bearerToken', 'generic'],
    ['auth', 'generic'],
    ['authorization', 'generic'],
    ['user-token', 'generic'],
    ['tokenString', 'generic'],
    ['accessToken', 'access'],
    ['access_token', 'access'],
    ['ACCESS_TOKEN', 'access'],
    ['accesstoken', 'access'],
    ['AccessJwt', 'access'],
    ['refreshToken', 'refresh'],
    ['refresh_token', 'refresh'],
    ['REFRESH_JWT', 'refresh'],
    ['refreshtoken', 'refresh'],
    ['newRefreshToken', 'refresh'],
    ['idToken', 'id'],
    ['id_token', 'id'],
    ['IDToken', 'id'],
    ['sessionToken', 'session'],
    ['csrfToken', 'csrf'],
    ['XSRF-TOKEN', 'csrf'],
    ['tokenizer', undefined],
    ['tokenize', undefined],
    ['tokenCount', undefined],
    ['tokens', undefined],
    ['maxTokens', undefined],
    ['tokenLimit', undefined],
    ['totalTokens', undefined],
    ['promptTokens', undefined],
    ['maxToken', undefined],
    ['tokenExpiry', undefined],
    ['tokenExpiresAt', undefined],
    ['expiresAt', undefined],
    ['tokenType', undefined],
    ['tokenUrl', undefined],
    ['tokenEndpoint', undefined],
    ['csrfTokenHeaderName', undefined],
    ['tokenKey', undefined],
    ['TOKEN_KEY', undefined],
    ['isTokenValid', undefined],
    ['hasToken', undefined],
    ['getToken', undefined],
    ['setAccessToken', undefined],
    ['cancellationToken', undefined],
    ['nextPageToken', undefined],
    ['NextToken', undefined], // AWS pagination
    ['resumeToken', undefined], // MongoDB change streams
    ['syntaxToken', undefined],
    ['injectionToken', undefined],
    ['decodedToken', undefined],
    ['jwtSecret', undefined],
    ['jwtPayload', undefined],
    ['credentials', undefined],
    ['refresh', undefined],
    ['session', undefined],
    ['', undefined],
  ])('%s → %s', (name, kind) => expect(tokenKind(name)).toBe(kind));

  table(
    isTokenName,
    ['token', 'accessToken', 'access_token', 'jwt', 'idToken', 'authToken', 'bearer', 'refreshToken', 'sessionToken', 'auth', 'authorization'],
    ['csrfToken', 'XSRF-TOKEN', 'tokenizer', 'maxTokens', 'tokenExpiry', 'tokenType', 'tokenUrl', 'tokenKey', 'isTokenValid', 'hasToken', 'credentials'],
  );

  table(
    isRefreshTokenName,
    ['refreshToken', 'refresh_token', 'REFRESH_TOKEN', 'refreshJwt', 'RefreshTokenValue'],
    ['rt', 'accessToken', 'token', 'REFRESH_SECRET', 'refreshInterval', 'refreshTokenExpiresIn', 'isRefreshToken'],
  );
});

describe('mentionsRefresh', () => {
  table(
    mentionsRefresh,
    ['refresh', 'refreshToken', 'REFRESH_SECRET', 'JWT_REFRESH_KEY', 'refreshExpiresIn', 'REFRESH_TOKEN_TTL', 'refresh_jwt', 'refreshRequest',
      'signRefreshToken', 'refreshTokens'],
    ['refreshInterval', 'refreshRate', 'autoRefresh', 'refreshPage', 'pullToRefresh', 'onRefresh', 'isRefreshing', 'refreshed', 'accessToken', 'refreshTimer',
      'refreshAccessToken', 'refresh_id_token'],
  );
});

describe('isStorageTokenKey', () => {
  table(
    isStorageTokenKey,
    ['token', 'accessToken', 'auth_token', 'jwt', 'id_token', 'refresh_token', 'user-token', 'authToken', 'auth', 'myapp:token', 'app.jwt', 'sb-abc-auth-token',
      'deviceToken', 'classbook:deviceToken', 'trusted_device_token'],
    ['tokenizerModel', 'theme', 'csrfHeaderName', 'tokensUsed', 'session', 'csrf_token', 'user', 'tokenExpiry', 'lang', 'pushToken', 'fcmToken',
      'fcmDeviceToken', 'expo_push_token', 'deviceTokenRegistered', 'deviceId'],
  );
});

describe('isAuthCookieName', () => {
  table(
    isAuthCookieName,
    [
      'token', 'jwt', 'access_token', 'refreshToken', 'session', 'sid', 'connect.sid', 'auth', 'id_token', '__Host-session',
      '__Secure-refresh', 'refresh', 'session_id', 'sessionId', 'PHPSESSID', 'JSESSIONID', 'appSession', 'remember_me',
      'next-auth.session-token', '__Secure-next-auth.session-token', 'jwt_refresh', 'mfa_pending', '2fa_challenge',
      'mfaTicket', 'trusted_device', 'remember_device', 'device_token', 'deviceToken', 'seed_remember', 'remember', 'remembered_device',
    ],
    ['mfa_banner_dismissed', 'mfa', 'device', 'device_id', 'push_token', 'fcm_token', 'otp_sent_at', 'remember_email', 'rememberChoice', 'theme', 'locale', 'consent', '_ga', 'csrf', 'XSRF-TOKEN', '_csrf', 'tokenizer', 'sessionStorage', 'sessionTimeout', 'autoRefresh', 'cookie_consent', 'lang', ''],
  );
});

describe('isSensitiveClaimName', () => {
  it.each<[string, string]>([
    ['password', 'password'],
    ['passwd', 'password'],
    ['pwd', 'password'],
    ['userPassword', 'password'],
    ['pin', 'password'],
    ['pinCode', 'password'],
    ['secretAnswer', 'password'],
    ['passwordHash', 'hash'],
    ['password_hash', 'hash'],
    ['hashedPassword', 'hash'],
    ['passwordSalt', 'hash'],
    ['hash', 'hash'],
    ['salt', 'hash'],
    ['secret', 'secret'],
    ['clientSecret', 'secret'],
    ['apiKey', 'secret'],
    ['api_key', 'secret'],
    ['privateKey', 'secret'],
    ['secretKey', 'secret'],
    ['otpSecret', 'otp'],
    ['totpSecret', 'otp'],
    ['mfaSecret', 'otp'],
    ['twoFactorSecret', 'otp'],
    ['recoveryCodes', 'otp'],
    ['backupCodes', 'otp'],
    ['otp', 'otp'],
    ['ssn', 'national-id'],
    ['socialSecurityNumber', 'national-id'],
    ['social_security_number', 'national-id'],
    ['nationalId', 'national-id'],
    ['taxId', 'national-id'],
    ['passportNumber', 'national-id'],
    ['driversLicense', 'national-id'],
    ['creditCard', 'card'],
    ['creditCardNumber', 'card'],
    ['cardNumber', 'card'],
    ['card_number', 'card'],
    ['ccNumber', 'card'],
    ['cvv', 'card'],
    ['cvc', 'card'],
    ['pan', 'card'],
    ['iban', 'card'],
  ])('%s → %s', (name, kind) => expect(isSensitiveClaimName(name)).toBe(kind));

  it.each([
    'passwordChangedAt', 'passwordUpdatedAt', 'passwordResetRequired', 'hasPassword', 'passwordPolicy', 'passwordExpiresAt',
    'isPasswordSet', 'cardType', 'cardBrand', 'last4', 'hashtag', 'fileHash', 'contentHash', 'secretQuestionId', 'otpEnabled',
    'mfa', 'mfaEnabled', 'sub', 'email', 'name', 'role', 'iat', 'exp', 'userId', 'card', 'passport', 'pass', 'pinned',
    'secretName', 'publicKey', 'keyId', '',
  ])('%s → undefined', (name) => expect(isSensitiveClaimName(name)).toBeUndefined());
});

describe('isRandomnessSensitiveName', () => {
  table(
    isRandomnessSensitiveName,
    [
      'token', 'refreshToken', 'resetToken', 'verificationCode', 'otp', 'resetCode', 'verifyCode', 'otpCode', 'mfaCode',
      'inviteCode', 'secret', 'nonce', 'salt', 'jti', 'sessionId', 'session_id', 'sid', 'csrf', 'csrfToken', 'apiKey',
      'password', 'tempPassword', 'state', 'oauthState', 'codeVerifier', 'code_verifier', 'pin', 'iv', 'challenge',
      'generateResetToken', 'randomToken', 'createSessionId', 'newSecret', 'secretKey', 'magicLinkToken',
    ],
    [
      'requestId', 'traceId', 'colorCode', 'zipCode', 'code', 'jitter', 'delay', 'sample', 'shuffle', 'index', 'randomColor',
      'key', 'id', 'maxTokens', 'tokenCount', 'randomDelay', 'retryJitter', 'isTokenValid', 'hasSecret', 'statusCode',
      'errorCode', 'countryCode', 'uuid', 'random', 'appState', 'tokenizer', '',
    ],
  );
  describe('claims, plurals, two-factor and activation codes, digest nonces', () => {
    table(
      isRandomnessSensitiveName,
      ['jwtid', 'jwtId', 'jwt_id', 'backupCodes', 'recoveryCodes', 'apiKeys', 'sessionIds', 'resetTokens', 'twoFactorCode',
        'two_factor_code', '2faCode', 'activationKey', 'licenseKey', 'verificationKey', 'cnonce', 'clientNonce', 'nonce'],
      ['tokens', 'codes', 'keys', 'ids', 'promoCodes', 'colorCodes', 'maxTokens', 'statusCodes', 'primaryKeys', 'requestIds',
        'factorCode', 'cacheKey', 'sortKey'],
    );
  });
  describe('device-flow and join codes, keys that grant rights, link secrets, rotated values', () => {
    table(
      isRandomnessSensitiveName,
      ['deviceCode', 'userCode', 'user_code', 'joinCode', 'rotateJoinCode', 'regenerateInviteCode', 'resumeToken', 'mintApiKey', 'editKey',
        'adminKey', 'shareSlug', 'share_id', 'shareLink', 'inviteLink', 'unlistedSlug', 'checkinCode', 'pickupCode', 'lockerCode',
        'refreshFamily', 'token_family', 'refreshFamilyId', 'tokenFamilyId'],
      ['userCountryCode', 'deviceId', 'userId', 'slug', 'postSlug', 'link', 'profileLink', 'rotateLogs', 'editMode',
        'shareCount', 'sharedWith', 'keyboardKey', 'family', 'familyId', 'fontFamily', 'productFamilyId'],
    );
  });
  describe('pagination tokens are not credentials, also after a generator-like prefix', () => {
    table(
      isRandomnessSensitiveName,
      ['randomToken', 'newToken', 'generateToken', 'nextNonce', 'nextSessionId'],
      ['nextToken', 'NextToken', 'next_token', 'nextPageToken', 'pageToken', 'continuationToken', 'nextMarkerToken'],
    );
  });
});

describe('cost', () => {
  it('answers many look-ups quickly (cached splitting, set look-ups)', () => {
    const names = ['jwtSecret', 'accessToken', 'passwordChangedAt', 'refreshInterval', 'x-auth-token', 'tokenizerModel'];
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const n = names[i % names.length];
      if (isSecretName(n)) hits++;
      if (isTokenName(n)) hits++;
      if (isSensitiveClaimName(n)) hits++;
      if (mentionsRefresh(n)) hits++;
      if (isRandomnessSensitiveName(n)) hits++;
    }
    expect(hits).toBeGreaterThan(0);
    // generous bound: this is a smoke test against accidental quadratic work, not a benchmark
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('isEntityName', () => {
  it.each(['user', 'User', 'foundUser', 'dbUser', 'existing_user', 'account', 'customer', 'userDoc', 'userRecord', 'memberEntity'])('%s', (n) => {
    expect(isEntityName(n)).toBe(true);
  });
  it.each(['userId', 'userName', 'safeUser', 'tokenUser', 'userPayload', 'users', 'payload', 'data', 'doc', 'isUser', 'userDto', 'userRole', 'mqttUser', 'smtp_user', 'ldapUser'])('not %s', (n) => {
    expect(isEntityName(n)).toBe(false);
  });
});

describe('isCsrfName', () => {
  table(
    isCsrfName,
    ['csrf', '_csrf', 'xsrf', 'XSRF-TOKEN', 'csrfToken', 'x-csrf-token', 'generateCsrfToken', 'CSRF_COOKIE', 'xsrfToken'],
    ['token', 'accessToken', 'session', 'csrfs', 'sid', 'auth', ''],
  );
});

describe('storageKeyNameMeaning (judged with isStorageTokenKey)', () => {
  it.each<[string, string | undefined]>([
    ['ACCESS_TOKEN_KEY', 'access_token'],
    ['TOKEN_KEY', 'token'],
    ['SESSION_TOKEN_KEY', 'session_token'],
    ['TOKEN_STORAGE_KEY', 'token'],
    ['tokenKey', 'token'],
    ['JWT_KEY_NAME', 'jwt'],
    ['accessToken', 'accessToken'],
    ['key', undefined],
    ['storageKey', undefined],
    ['STORAGE_KEYS', undefined],
  ])('%s → %s', (name, meaning) => expect(storageKeyNameMeaning(name)).toBe(meaning));
  const judged = (name: string) => {
    const m = storageKeyNameMeaning(name);
    return m !== undefined && isStorageTokenKey(m);
  };
  table(
    judged,
    ['ACCESS_TOKEN_KEY', 'TOKEN_KEY', 'SESSION_TOKEN_KEY', 'REFRESH_TOKEN_STORAGE_KEY', 'accessToken', 'jwtKey', 'AUTH_TOKEN'],
    ['tokenizerModel', 'TOKENS_USED_KEY', 'THEME_KEY', 'STORAGE_KEY', 'key', 'CSRF_TOKEN_KEY', 'TOKEN_EXPIRY_KEY', 'USER_KEY'],
  );
});

describe('isIdentityFieldName', () => {
  table(isIdentityFieldName, ['email', 'userEmail', 'user_email', 'username', 'userName', 'user_name', 'login', 'phone', 'phoneNumber'], [
    'token', 'sessionId', 'name', 'emailToken', 'emailVerificationCode', 'loginToken', 'remember', 'deviceToken',
  ]);
});

describe('singularName', () => {
  it.each([['Invitations', 'Invitation'], ['inviteCodes', 'inviteCode'], ['policies', 'policy'], ['status', 'status'], ['access', 'access'], ['res', 'res']])('%s → %s', (plural, singular) => {
    expect(singularName(plural)).toBe(singular);
  });
});
