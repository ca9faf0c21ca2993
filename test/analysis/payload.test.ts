import { describe, expect, it } from 'vitest';
import { getJwtUsages } from '../../src/analysis/imports.js';
import { isEncryptedPayload, payloadNode, readPayload, wholeRecord } from '../../src/analysis/payload.js';
import { analyze, target } from '../helpers/analyze.js';

type Reading = { props: string[]; records: string[] };

/** Reads the payload of the first sign usage: property paths with their report node text, records with evidence. */
const read = (code: string): Reading | undefined =>
  analyze(code, (context) => {
    const usage = getJwtUsages(context).find((u) => u.model.op === 'sign');
    const node = usage && payloadNode(context, usage);
    if (!node) return undefined;
    const r = readPayload(context, node);
    const text = (n: import('@typescript-eslint/utils').TSESTree.Node) => context.sourceCode.getText(n);
    return { props: r.props.map((p) => `${p.path} @ ${text(p.node)}`), records: r.records.map((x) => `${x.evidence}: ${text(x.node)}`) };
  });

const record = (code: string) =>
  analyze(code, (context, program) => {
    const r = wholeRecord(context, target(program));
    return r?.evidence;
  });

describe('payloadNode', () => {
  it('is the payload argument of a sign call and the constructor argument of a builder', () => {
    const payloads = (code: string) =>
      analyze(code, (context) => getJwtUsages(context).map((u) => {
        const n = payloadNode(context, u);
        return n ? context.sourceCode.getText(n) : null;
      }));
    expect(payloads(`import jwt from 'jsonwebtoken'; jwt.sign(a, k); jwt.verify(t, k); jwt.sign(...args);`)).toEqual(['a', null, null]);
    expect(payloads(`import { SignJWT, EncryptJWT } from 'jose'; new SignJWT(b).sign(k); new EncryptJWT(c).encrypt(k);`)).toEqual(['b', 'c']);
  });
  it('is the payload option of an API that takes everything in one object (jws)', () => {
    const payloads = (code: string) =>
      analyze(code, (context) => getJwtUsages(context).map((u) => {
        const n = payloadNode(context, u);
        return n ? context.sourceCode.getText(n) : null;
      }));
    expect(payloads(`import jws from 'jws'; jws.sign({ header: { alg: 'HS256' }, payload: { sub }, secret });`)).toEqual(['{ sub }']);
    expect(payloads(`import jws from 'jws'; const o = { header, payload: claims, secret }; jws.sign(o);`)).toEqual(['claims']);
    expect(payloads(`import jws from 'jws'; jws.sign({ header, secret, ...rest }); jws.sign(opts);`)).toEqual([null, null]);
  });
  it('knows which builders encrypt their payload', () => {
    expect(
      analyze(`import { SignJWT, EncryptJWT } from 'jose'; new SignJWT(b); new EncryptJWT(c);`, (context) => getJwtUsages(context).map(isEncryptedPayload)),
    ).toEqual([false, true]);
    // model data, not the name of the key method
    const usage = (model: object) => ({ model: { op: 'sign', args: {}, ...model } }) as unknown as Parameters<typeof isEncryptedPayload>[0];
    expect(isEncryptedPayload(usage({ encrypts: true, chain: { key: { method: 'seal' } } }))).toBe(true);
    expect(isEncryptedPayload(usage({ chain: { key: { method: 'encrypt' } } }))).toBe(false);
  });
});

describe('readPayload: properties', () => {
  it('lists inline properties with their nodes', () => {
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id, password }, k);`)).toEqual({
      props: ['sub @ sub: user.id', 'password @ password'],
      records: [],
    });
  });
  it('follows consts, spreads of known objects and nested objects (two levels)', () => {
    expect(
      read(`import jwt from 'jsonwebtoken';
        const base = { iss: 'a' };
        const claims = { ...base, user: { id: u.id, auth: { pin: u.pin, deep: { x: 1 } } } };
        jwt.sign(claims, k);`),
    ).toEqual({
      props: [
        'iss @ iss: \'a\'',
        'user @ user: { id: u.id, auth: { pin: u.pin, deep: { x: 1 } } }',
        'user.id @ id: u.id',
        'user.auth @ auth: { pin: u.pin, deep: { x: 1 } }',
        'user.auth.pin @ pin: u.pin',
        'user.auth.deep @ deep: { x: 1 }',
      ],
      records: [],
    });
  });
  it('reads jose builder payloads and properties written after creation', () => {
    expect(read(`import { SignJWT } from 'jose'; const p = { sub: id }; p.pwd = pw; await new SignJWT(p).sign(k);`)?.props).toEqual([
      'sub @ sub: id',
      'pwd @ p.pwd',
    ]);
  });
  it('skips properties that carry no data', () => {
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign({ sub: id, password: undefined, hasPassword: true, hash: null }, k);`)?.props).toEqual([
      'sub @ sub: id',
    ]);
  });
  it('is empty for unknown payloads', () => {
    expect(read(`import jwt from 'jsonwebtoken'; function f(payload) { jwt.sign(payload, k); }`)).toEqual({ props: [], records: [] });
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign(buildClaims(), k);`)).toEqual({ props: [], records: [] });
  });
});

describe('readPayload: whole records', () => {
  it('finds a record signed whole, spread, or nested', () => {
    expect(read(`import jwt from 'jsonwebtoken'; async function f() { const user = await User.findOne({ email }); jwt.sign(user, k); }`)?.records).toEqual([
      'db-call: user',
    ]);
    expect(read(`import jwt from 'jsonwebtoken'; function f(user) { jwt.sign({ ...user, role: 'x' }, k); }`)?.records).toEqual(['name: ...user']);
    expect(read(`import jwt from 'jsonwebtoken'; function f(user) { jwt.sign({ sub: user.id, user }, k); }`)).toEqual({
      props: ['sub @ sub: user.id', 'user @ user'],
      records: ['name: user'],
    });
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign(doc.toObject(), k);`)?.records).toEqual(['serializer: doc.toObject()']);
    expect(read(`import jwt from 'jsonwebtoken'; const base = { ...account._doc }; jwt.sign({ ...base }, k);`)?.records).toEqual(['serializer: ...account._doc']);
  });
  it('does not take a registered string claim for a record', () => {
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign({ sub: values.user, role }, k);`)?.records).toEqual([]);
    expect(read(`import jwt from 'jsonwebtoken'; jwt.sign({ sub: 1, owner: values.user }, k);`)?.records).toEqual(['name: values.user']);
  });
});

describe('wholeRecord', () => {
  it.each([
    ['a mongoose find', `async function f() { target(await User.findOne({ email })); }`, 'db-call'],
    ['a find with pass-through steps', `async function f() { target(await User.findById(id).populate('roles').lean().exec()); }`, 'db-call'],
    ['prisma findUnique', `async function f() { const u = await prisma.user.findUnique({ where: { id } }); target(u); }`, 'db-call'],
    ['a TypeORM repository', `async function f() { target(await this.repo.findOneBy({ id })); }`, 'db-call'],
    ['toJSON', `target(user.toJSON());`, 'serializer'],
    ['toObject with options', `target(doc.toObject({ getters: true }));`, 'serializer'],
    ['sequelize get plain', `target(user.get({ plain: true }));`, 'serializer'],
    ['sequelize dataValues', `target(user.dataValues);`, 'serializer'],
    ['a parameter named user', `function f(user) { target(user); }`, 'name'],
    ['a parameter typed as an entity', `function f(user: User) { target(user); }`, 'name'],
    ['a destructured parameter', `function f({ user }) { target(user); }`, 'name'],
    ['req.user', `app.get('/', (req, res) => { target(req.user); });`, 'name'],
    ['a const from req.user', `function f(req) { const currentUser = req.user; target(currentUser); }`, 'name'],
    ['a call we do not model', `async function f() { const user = await auth.validateUser(email, pw); target(user); }`, 'name'],
    ['userDoc', `function f(userDoc) { target(userDoc); }`, 'name'],
  ])('is a record: %s', (_name, code, evidence) => {
    expect(record(code)).toBe(evidence);
  });

  it.each([
    ['a small object literal', `function f(id, role) { const user = { id, role }; target(user); }`],
    ['a field', `function f(user) { target(user.id); }`],
    ['a non-entity parameter', `function f(payload) { target(payload); }`],
    ['an inline type', `function f(user: { id: string; role: string }) { target(user); }`],
    ['a payload type', `function f(user: TokenSubject) { target(user); }`],
    ['a Pick type', `function f(user: Pick<User, 'id'>) { target(user); }`],
    ['a reduced name', `function f(safeUser) { target(safeUser); }`],
    ['an id', `function f(userId) { target(userId); }`],
    ['a query that selects fields', `async function f() { target(await User.findOne({ email }).select('id role')); }`],
    ['prisma select', `async function f() { const user = await prisma.user.findUnique({ where: { id }, select: { id: true, role: true } }); target(user); }`],
    ['a mongoose projection', `async function f() { target(await User.findById(id, 'role')); }`],
    ['a list query', `async function f() { target(await User.find()); }`],
    ['a literal', `target('user');`],
    ['a get without plain', `target(map.get(key));`],
  ])('is not a record: %s', (_name, code) => {
    expect(record(code)).toBeUndefined();
  });
});
