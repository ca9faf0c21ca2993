import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers/analyze.js';
import { getWeakRandomSources, templateTextAfterName, templateTextName, traceRandomValue } from '../../src/analysis/randomness.js';

/** Source kinds and, per source, the sink names reached as `name:kind:sensitive`. */
function flows(code: string, filename?: string) {
  return analyze(
    code,
    (ctx) =>
      getWeakRandomSources(ctx).map((s) => ({
        kind: s.model.kind,
        sinks: traceRandomValue(ctx, s).sinks.map((k) => `${k.via ? `${k.via}→` : ''}${k.name}:${k.kind}:${k.sensitive}`),
      })),
    filename ? { filename } : {},
  );
}

describe('sink names (names.isRandomnessSensitiveName)', () => {
  it('claims, qualified plurals, two-factor and activation codes are sensitive', () => {
    for (const n of ['jwtid', 'backupCodes', 'recoveryCodes', 'activationKey', 'twoFactorCode', 'resetToken', 'jti']) {
      expect(flows(`const ${n} = Math.random().toString(36);`)[0].sinks, n).toEqual([`${n}:name:true`]);
    }
  });
  it('keeps look-alikes out', () => {
    for (const n of ['requestId', 'traceId', 'id', 'key', 'delay', 'jitter', 'maxTokens', 'tokens', 'promoCodes', 'colorCode', 'nextToken']) {
      expect(flows(`const ${n} = Math.random();`)[0].sinks, n).toEqual([`${n}:name:false`]);
    }
  });
});

describe('templateTextName', () => {
  const name = (code: string, index = 0) =>
    analyze(`const t = ${code};`, (_ctx, program) => {
      const decl = program.body[0] as { declarations: { init: unknown }[] };
      return templateTextName(decl.declarations[0].init as never, index);
    });
  it('reads NAME= and name: right before the expression', () => {
    expect(name('`JWT_SECRET=${x}`')).toBe('JWT_SECRET');
    expect(name('`https://app.example/reset?email=${e}&token=${x}`', 1)).toBe('token');
    expect(name('`state: ${x}`')).toBe('state');
    expect(name('`"apiKey": "${x}"`')).toBe('apiKey');
    expect(name('`--token=${x}`')).toBe('token');
    expect(name('`token=${a}-${b}`', 1)).toBe('token');
  });
  it('reads a message that says what the value is', () => {
    expect(name('`Your verification code for **${g}** is \\`${x}\\`.`', 1)).toBe('Your_verification_code');
    expect(name('`Your login PIN is: ${x}`')).toBe('Your_login_PIN');
    expect(name('`Your code is ${x}`')).toBe('Your_code');
    // not when the noun is elsewhere in the sentence
    expect(name('`The code you entered for ${x}`')).toBeUndefined();
    expect(name('`Your order number is ${x}`')).toBeUndefined();
  });
  it('reads a message that names the value after it', () => {
    const after = (code: string, index = 0) =>
      analyze(`const t = ${code};`, (_ctx, program) => {
        const decl = program.body[0] as { declarations: { init: unknown }[] };
        return templateTextAfterName(decl.declarations[0].init as never, index);
      });
    expect(after('`${x} is your Derby HQ login code`')).toBe('Derby_HQ_login_code');
    expect(after('`${x} is the PIN for locker ${n}`')).toBe('PIN');
    expect(after('`${x} is your order number`')).toBeUndefined();
    expect(after('`${x} items left`')).toBeUndefined();
  });
  it('is undefined when the text names nothing', () => {
    expect(name('`Bearer ${x}`')).toBeUndefined();
    expect(name('`${x}`')).toBeUndefined();
    expect(name('`Hello ${n}: ${x}`', 1)).toBeUndefined();
    expect(name('`token=${a} ${b}`', 1)).toBeUndefined();
  });
});

describe('getWeakRandomSources', () => {
  it('finds global and module sources, not shadowed or strong ones', () => {
    const got = flows(
      "import { v1, v4 } from 'uuid';\nimport uniqid from 'uniqid';\nconst a = Math.random(); const b = Date.now(); const c = new Date().getTime(); const d = v1(); const e = v4(); const f = uniqid();\nfunction g(Math) { return Math.random(); }\nconst h = new Date(); const i = new Date('2020').getTime();",
    );
    expect(got.map((g) => g.kind)).toEqual(['math-random', 'clock', 'clock', 'time-id', 'time-id']);
  });
  it('finds nothing in a file that mentions no source', () => {
    expect(flows('const x = 1;')).toEqual([]);
  });
});

describe('traceRandomValue', () => {
  it('names the receiving variable through wrappers', () => {
    expect(flows('const resetToken = String(Math.floor(Math.random() * 1e6)).padStart(6, "0");')[0].sinks).toEqual(['resetToken:name:true']);
  });
  it('follows a neutral variable to a return and the function name', () => {
    expect(flows("function generateOtp() { let s = ''; for (let i = 0; i < 6; i++) s += Math.floor(Math.random() * 10); return s; }")[0].sinks).toEqual([
      's:name:false',
      'generateOtp:function:true',
    ]);
  });
  it('follows a neutral function to its call sites', () => {
    expect(flows('const rnd = () => Math.random().toString(36).slice(2);\nconst a = rnd(); const inviteToken = rnd();')[0].sinks).toEqual([
      'rnd:function:false',
      'a:name:false',
      'inviteToken:name:true',
    ]);
  });
  it('follows a class method called through this', () => {
    expect(flows('class S { rand() { return Math.random().toString(36); } issue() { this.resetToken = this.rand(); } }')[0].sinks).toEqual([
      'rand:function:false',
      'S.rand:function:false',
      'resetToken:name:true',
    ]);
  });
  it('names a neutral method by its class', () => {
    expect(flows("class OtpService { generateCode() { let code = ''; for (let i = 0; i < 6; i++) code += Math.floor(Math.random() * 10); return code; } }")[0].sinks).toEqual([
      'code:name:false',
      'generateCode:function:false',
      'OtpService.generateCode:function:true',
    ]);
    expect(flows('class Backoff { next() { return Math.random() * 1000; } }')[0].sinks).toEqual(['next:function:false', 'Backoff.next:function:false']);
  });
  it('names a neutral variable by the function it is handed to', () => {
    const code = "const code = ((Math.random() * 1e6) | 0).toString().padStart(6, '0');\nawait sendVerificationEmail(env, userId, code);";
    expect(flows(code)[0].sinks).toEqual(['code:name:false', 'sendVerificationEmail→code:name:true']);
    expect(flows('const delay = Math.random() * 500; await sendVerificationEmail(to, delay);')[0].sinks).toEqual([
      'delay:name:false',
      'sendVerificationEmail→delay:name:false',
    ]);
    // or by the store it is handed to
    expect(flows('const code = String(Math.floor(100000 + Math.random() * 900000));\nawait loginCodes.save(member.id, code);')[0].sinks).toEqual([
      'code:name:false',
      'save→code:name:false',
      'loginCodes.save→code:name:true',
    ]);
    expect(flows('const hue = Math.floor(Math.random() * 360);\nawait themes.save(user.id, hue);')[0].sinks).toEqual(['hue:name:false', 'save→hue:name:false', 'themes.save→hue:name:false']);
    // clock values handed on are mostly expiry times
    expect(flows('const expires = Date.now() + 600000; await storeResetToken(id, token, expires);')[0].sinks).toEqual(['expires:name:false']);
  });
  it('a neutral value hashed for storage is a secret', () => {
    expect(flows("const code = Math.random().toString().slice(2, 8);\nawait db.save({ codeHash: sha256(code) });")[0].sinks).toEqual(['code:name:false', 'code:name:true']);
    expect(flows("import bcrypt from 'bcrypt';\nconst pin = String(Math.floor(Math.random() * 1e4));\nawait bcrypt.hash(pin, 10);")[0].sinks).toContain('pin:name:true');
    // a plain `hash()` (consistent hashing, bucketing) and clock values (cache keys, etags) are not
    expect(flows("const key = `qk_${Math.random().toString(36).slice(2)}`;\nconst out = { key, hash: createHash('sha256').update(key).digest('hex') };")[0].sinks).toContain('key:name:true');
    // the random value hashed inline is a derived id, named where it lands
    expect(flows("const id = createHash('md5').update(String(Math.random())).digest('hex');")[0].sinks).toEqual(['id:name:false']);
    expect(flows('const seed = Math.random(); const bucket = hash(seed) % 100;')[0].sinks).toEqual(['seed:name:false', 'hash→seed:name:false']);
    expect(flows('const code = String(Math.random()).slice(2, 8);\nawait store.put(id, await Bun.password.hash(code));')[0].sinks).toContain('code:name:true');
    expect(flows('const now = Date.now(); const etag = sha256(now);')[0].sinks).toEqual(['now:name:false']);
    // data that only contains the random part, signed with an HMAC, is not a secret being stored
    const qr = "const lane = 1 + Math.floor(Math.random() * 6);\nconst body = `${booking.ref}.${booking.sailingId}.${lane}.${issuedAt.getTime()}`;\nconst qr = `${body}.${createHmac('sha256', k).update(body).digest('base64url')}`;";
    expect(flows(qr)[0].sinks.filter((x) => x.endsWith(':true'))).toEqual([]);
    // one other part (an owner id) next to the random one is still a secret, hashed for storage
    expect(flows("const part = Math.random().toString(36).slice(2);\nconst key = `${user.id}.${part}`;\nawait keys.save({ hash: sha256(key) });")[0].sinks).toContain('key:name:true');
  });
  it('a strong source in the other branch of a conditional does not make the weak one strong', () => {
    expect(flows("import jwt from 'jsonwebtoken';\njwt.sign(p, k, { jwtid: legacy ? `${id}-${Date.now()}` : uuidv4() });")[0].sinks).toEqual(['jwtid:claim:true']);
    expect(flows("const code = us ? randomInt(0, 1e6) : String(Math.floor(Math.random() * 1e6));\nstore(hmac(code));")[0].sinks).toContain('code:name:true');
    // in the same branch it does
    expect(flows('const resetToken = legacy ? randomBytes(8).toString("hex") + Math.random() : uuidv4();')[0].sinks).toEqual([]);
  });
  it('counts a token this code generates as a credential, whatever its qualifier', () => {
    expect(flows("import { v1 as uuidv1 } from 'uuid';\nconst deviceToken = uuidv1();")[0].sinks).toEqual(['deviceToken:name:true']);
    expect(flows('const pageToken = Math.random().toString(36);')[0].sinks).toEqual(['pageToken:name:false']);
  });
  it('names a neutral property of a returned object by the function that returns it', () => {
    const kit = 'function generateRecoveryKit(n) { const codes = Array.from({ length: n }, () => Math.random().toString(36).slice(2, 10)); return { codes, kitId: k }; }';
    expect(flows(kit)[0].sinks).toContain('generateRecoveryKit_codes:name:true');
    expect(flows('function layout() { return { x: Math.random() * 100 }; }')[0].sinks).toEqual(['x:name:false', 'layout_x:name:false']);
  });
  it('names JWT claims of sign usages, and the owner of neutral properties', () => {
    expect(flows("import jwt from 'jsonwebtoken';\njwt.sign({ sub, jti: Math.random() }, k);")[0].sinks).toEqual(['jti:claim:true']);
    expect(flows('const session = { id: Math.random() };')[0].sinks).toEqual(['id:name:false', 'session_id:name:true']);
  });
  it('names a neutral property of an object handed to a store call by what the call stores', () => {
    expect(flows('await Invitations.create({ email, code: Math.random().toString(36).slice(2, 8) });')[0].sinks).toEqual([
      'code:name:false',
      'Invitation_code:name:true',
    ]);
    expect(flows('await prisma.joinCode.create({ data: { value: Math.random().toString(36) } });')[0].sinks).toContain('joinCode_value:name:true');
    expect(flows('await prisma.invite.create({ data: { code: Math.random().toString(36) } });')[0].sinks).toContain('invite_code:name:true');
    expect(flows('const row = new Invite({ code: Math.random().toString(36) });')[0].sinks).toContain('Invite_code:name:true');
    expect(flows('await db.insert(invitations).values({ code: Math.random().toString(36) });')[0].sinks).toContain('invitation_code:name:true');
    expect(flows('await createInvitation({ code: Math.random().toString(36) });')[0].sinks).toContain('invitation_code:name:true');
    // what the call stores says nothing about a colour, a position or a React key
    expect(flows('await Themes.create({ code: Math.random().toString(16).slice(2, 8) });')[0].sinks).toEqual(['code:name:false', 'Theme_code:name:false']);
    expect(flows('chart.addPoint({ x: Math.random() * 10 });')[0].sinks).toEqual(['x:name:false', 'chart_x:name:false']);
    expect(flows('res.json({ code: Math.random() });')[0].sinks).toEqual(['code:name:false', 'res_code:name:false']);
  });
  it('names a template by its text before the value (.env generators, query strings)', () => {
    const gen =
      "const CHARS = 'abc';\nfunction randomString(n) { let out = ''; for (let i = 0; i < n; i++) out += CHARS.charAt(Math.floor(Math.random() * CHARS.length)); return out; }\nconst lines = ['PORT=3000', `JWT_SECRET=${randomString(48)}`];";
    expect(flows(gen)[0].sinks).toContain('JWT_SECRET:name:true');
    expect(flows('const url = `/cb?token=${Math.random().toString(36)}`;')[0].sinks).toEqual(['token:name:true', 'url:name:false']);
    expect(flows('const line = `retry_after=${Math.random() * 1000}`;')[0].sinks).toEqual(['retry_after:name:false', 'line:name:false']);
    expect(flows('const label = `Bearer ${Math.random()}`;')[0].sinks).toEqual(['label:name:false']);
    // the clock may fill timestamps
    expect(flows('const line = `expires=${Date.now()}`;')[0].sinks).toEqual(['expires:name:false', 'line:name:false']);
  });
  it('names a value by the SQL column its placeholder fills', () => {
    const q = (sql: string, args: string) => flows(`const code = Math.floor(100000 + Math.random() * 900000);\nawait db.query('${sql}', [${args}]);`)[0].sinks;
    expect(q('UPDATE users SET reset_code = ?, reset_expires = ? WHERE id = ?', 'code, expires, id')).toContain('reset_code:name:true');
    expect(q('INSERT INTO invites (org_id, code) VALUES ($1, $2)', 'org, code')).toContain('code:name:false');
    expect(q('UPDATE users SET avatar_seed = ? WHERE id = ?', 'code, id')).toContain('avatar_seed:name:false');
  });
  it('names a variable in a template by the key before it and its own name together', () => {
    expect(flows('const code = String(Math.floor(Math.random() * 1e6));\nawait redis.set(`pairing:${code}`, clinicId);')[0].sinks).toContain('pairing:name:true');
    expect(flows('const n = Math.floor(Math.random() * 10);\nconst key = `bucket:${n}`;')[0].sinks).not.toContainEqual(expect.stringMatching(/:true$/));
  });
  it('follows a character picked from the random string', () => {
    expect(flows("function generateApiKey() { return 'flk_' + [...Array(32)].map(() => Math.random().toString(36)[2]).join(''); }")[0].sinks).toEqual([
      'generateApiKey:function:true',
    ]);
  });
  it('stops at comparisons, property reads and unknown calls', () => {
    expect(flows('const coin = Math.random() < 0.5;')[0].sinks).toEqual([]);
    expect(flows('sendToken(Math.random());')[0].sinks).toEqual([]);
    expect(flows('const n = Math.random().toString().length;')[0].sinks).toEqual([]);
  });
  it('lets the clock be a nonce, but not a token', () => {
    expect(flows("const nonce = Date.now();\nsign(createHmac('sha256', secret).update(`${nonce}${body}`));")[0].sinks).toEqual(['nonce:name:false']);
    // outside request signing, a nonce is a replay guard
    expect(flows('const nonce = Date.now();')[0].sinks).toEqual(['nonce:name:true']);
    expect(flows('const nonce = Math.random();')[0].sinks).toEqual(['nonce:name:true']);
  });
  it('is silent when a strong source is part of the value', () => {
    expect(flows("const token = crypto.randomBytes(8).toString('hex') + Math.random();")[0].sinks).toEqual([]);
  });
  it('reads named call arguments, setters, pushes and JSX attributes', () => {
    expect(flows("res.cookie('session_id', Math.random());")[0].sinks).toEqual(['session_id:name:true']);
    expect(flows('setCsrfToken(Math.random());')[0].sinks).toEqual(['CsrfToken:name:true']);
    expect(flows('setState(Math.random());')[0].sinks).toEqual([]);
    expect(flows('const x = <input type="hidden" name="_csrf" value={Math.random()} />;', 'f.tsx')[0].sinks).toEqual(['_csrf:name:true']);
    expect(flows('const x = <li key={Math.random()} />;', 'f.tsx')[0].sinks).toEqual(['key:name:false']);
  });
});

describe('getWeakRandomSources: the quick scope path agrees with the tracker', () => {
  const kinds = (code: string) => flows(code).map((g) => g.kind);
  it('plain member reads among other Math / Date use', () => {
    expect(kinds('const a = Math.floor(Math.random() * 10); const b = Math.max(1, 2); const d = new Date(); const e = Date.parse(s); const f = typeof Math; g(Math); const n = Date.now();')).toEqual([
      'math-random',
      'clock',
    ]);
  });
  it('aliases and global-object paths (the tracker)', () => {
    expect(kinds('const { random } = Math; const a = random();')).toEqual(['math-random']);
    expect(kinds('const now = Date.now; const a = now();')).toEqual(['clock']);
    expect(kinds('const a = globalThis.Math.random(); const b = globalThis.Date.now();')).toEqual(['math-random', 'clock']);
    expect(kinds('const M = Math; const a = M.random();')).toEqual(['math-random']);
    expect(kinds("if (typeof window !== 'undefined') { window.localStorage.x = 1; } const a = Math.random();")).toEqual(['math-random']);
  });
  it('shadowed or reassigned globals are not the source', () => {
    expect(kinds('const Math = { random: () => 4 }; const a = Math.random();')).toEqual([]);
    expect(kinds('function f(Date) { return Date.now(); }')).toEqual([]);
  });
  it('module sources without any Math / Date in the file', () => {
    expect(kinds("import { v1 } from 'uuid';\nconst id = v1();")).toEqual(['time-id']);
    expect(kinds("import random from 'lodash/random';\nconst x = random(0, 9);")).toEqual(['math-random']);
  });
});
