import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds } from '../../rules/no-sensitive-payload.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
type Invalid = InvalidTestCase<MessageIds, []>;

const jwtValid = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jwtInvalid = (test: Invalid) => invalidVariants<MessageIds>(memberVariants('jsonwebtoken', test.code), test);
const joseValid = (names: string[], code: string) => validVariants(namedVariants('jose', names), code);
const joseInvalid = (names: string[], test: Invalid) => invalidVariants<MessageIds>(namedVariants('jose', names), test);

ruleTester.run('no-sensitive-payload', rule, {
  valid: [
    // minimal claims (the reference shape)
    ...jwtValid(`jwt.sign({ role: user.role, sid: sessionId }, secret, { algorithm: 'HS256', expiresIn: '15m', subject: user.id });`),
    ...jwtValid(`jwt.sign({ sub: user.id, email: user.email, name: user.name }, secret);`),
    ...joseValid(['SignJWT'], `await new SignJWT({ sub: user.id, role: user.role }).setProtectedHeader({ alg: 'HS256' }).sign(key);`),
    // names that only look alike
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id, passwordChangedAt: user.passwordChangedAt, hasPassword: !!user.password }, k);`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub: id, cardType: 'visa', last4: '4242', mfaEnabled: true, secretQuestionId: 3 }, k);`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub: id, passwordResetRequired: user.mustReset }, k);`,
    // a property removed from a record before signing, and data-less values
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub: id, password: undefined, hash: null }, k);`,
    // unknown payloads
    `import jwt from 'jsonwebtoken'; export function issue(payload: object) { return jwt.sign(payload, k); }`,
    `import jwt from 'jsonwebtoken'; jwt.sign(buildClaims(user), k);`,
    `import jwt from 'jsonwebtoken'; function f(claims) { jwt.sign({ ...claims, iss: 'x' }, k); }`,
    // a variable named user that is a small object literal
    `import jwt from 'jsonwebtoken'; function f(id: string, role: string) { const user = { id, role }; return jwt.sign(user, k); }`,
    `import jwt from 'jsonwebtoken'; function f(u) { const user = { sub: u.id }; return jwt.sign({ ...user, scope: 'api' }, k); }`,
    // typed as a payload, an inline shape, or a Pick
    `import jwt from 'jsonwebtoken'; function f(user: { id: string; role: string }) { return jwt.sign(user, k); }`,
    `import jwt from 'jsonwebtoken'; function f(user: TokenSubject) { return jwt.sign(user, k); }`,
    `import jwt from 'jsonwebtoken'; function f(user: Pick<User, 'id' | 'role'>) { return jwt.sign(user, k); }`,
    // queries that choose their fields
    `import jwt from 'jsonwebtoken'; async function f() { const user = await User.findOne({ email }).select('_id role'); return jwt.sign(user, k); }`,
    `import jwt from 'jsonwebtoken'; async function f() { const user = await prisma.user.findUnique({ where: { id }, select: { id: true, role: true } }); return jwt.sign(user, k); }`,
    // destructured rest: the author removed fields
    `import jwt from 'jsonwebtoken'; function f(user) { const { password, ...rest } = user; return jwt.sign(rest, k); }`,
    // reduced names
    `import jwt from 'jsonwebtoken'; function f(safeUser, tokenUser) { jwt.sign(safeUser, k); jwt.sign({ tokenUser }, k); }`,
    // not a JWT library, a verify, and an encrypted token (JWE)
    `const jwt = { sign: (p, k) => p }; function f(user) { jwt.sign({ password: user.password }, k); jwt.sign(user, k); }`,
    `import jwt from 'jsonwebtoken'; jwt.verify(user, { password: 'x' });`,
    `import { EncryptJWT } from 'jose'; function f(user) { return new EncryptJWT({ ssn: user.ssn }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key); }`,
    // the Nest docs shape: a payload built from the validated user
    `import { JwtService } from '@nestjs/jwt'; export class AuthService { constructor(private jwtService: JwtService) {} async login(user: User) { const payload = { username: user.username, sub: user.userId }; return { access_token: await this.jwtService.signAsync(payload) }; } }`,
    // the key argument is not the payload
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub: id }, user.password);`,
  ],
  invalid: [
    {
      code: `import jws from 'jws';\njws.sign({ header: { alg: 'HS256' }, payload: { sub: u.id, password: u.password }, secret });`,
      errors: [{ messageId: 'sensitiveClaim', data: { name: 'password', what: 'a password', callee: 'jws.sign' }, line: 2, column: 60 }],
    },
    // sensitive claims: key, shorthand, value name, nested
    ...jwtInvalid({
      code: `const token = jwt.sign({ sub: user.id, password: user.password }, secret);`,
      errors: [{ messageId: 'sensitiveClaim', data: { name: 'password', what: 'a password', callee: 'jsonwebtoken.sign' }, line: 1, column: 40, endColumn: 63 }],
    }),
    ...jwtInvalid({
      code: `jwt.sign({ id, password }, secret);`,
      errors: [{ messageId: 'sensitiveClaim', data: { name: 'password', what: 'a password', callee: 'jsonwebtoken.sign' }, line: 1, column: 16, endColumn: 24 }],
    }),
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign({ sub: u.id, h: u.passwordHash, card: { cardNumber: u.cc }, ssn: u.ssn }, k);`,
      errors: [
        { messageId: 'sensitiveClaim', data: { name: 'h', what: 'a password hash', callee: 'jsonwebtoken.sign' }, line: 2, column: 23 },
        { messageId: 'sensitiveClaim', data: { name: 'card.cardNumber', what: 'payment card data', callee: 'jsonwebtoken.sign' }, line: 2, column: 50 },
        { messageId: 'sensitiveClaim', data: { name: 'ssn', what: 'a national identity number', callee: 'jsonwebtoken.sign' }, line: 2, column: 70 },
      ],
    },
    {
      name: 'through a const, a spread of a known object, and a property written later',
      code: `import jwt from 'jsonwebtoken';\nconst extra = { otpSecret: u.totp };\nconst payload = { sub: u.id, ...extra };\npayload.apiKey = u.apiKey;\njwt.sign(payload, k);`,
      errors: [
        { messageId: 'sensitiveClaim', data: { name: 'otpSecret', what: 'a one-time-password secret', callee: 'jsonwebtoken.sign' }, line: 2, column: 17 },
        { messageId: 'sensitiveClaim', data: { name: 'apiKey', what: 'a secret', callee: 'jsonwebtoken.sign' }, line: 4, column: 1 },
      ],
    },
    ...joseInvalid(['SignJWT'], {
      code: `const jwt = await new SignJWT({ sub: user.id, pwd: body.password }).setProtectedHeader({ alg: 'HS256' }).sign(key);`,
      errors: [{ messageId: 'sensitiveClaim', data: { name: 'pwd', what: 'a password', callee: 'jose.SignJWT' }, line: 1, column: 47 }],
    }),
    // whole records
    ...jwtInvalid({
      code: `async function login(email) {\n  const user = await User.findOne({ email });\n  return jwt.sign(user, secret, { expiresIn: '1h' });\n}`,
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'user' }, line: 3, column: 19, endColumn: 23 }],
    }),
    ...jwtInvalid({
      code: `function generateToken(user) {\n  return jwt.sign(user, process.env.JWT_SECRET);\n}`,
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'user' }, line: 2, column: 19 }],
    }),
    {
      code: `import jwt from 'jsonwebtoken';\nfunction f(user) { return jwt.sign({ ...user, role: 'admin' }, k); }`,
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'user' }, line: 2, column: 38, endColumn: 45 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nfunction f(user) { return jwt.sign({ user }, k); }`,
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'user' }, line: 2, column: 38 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(user.toJSON(), k);\njwt.sign({ data: doc.toObject() }, k);\njwt.sign(model.get({ plain: true }), k);`,
      errors: [
        { messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'user.toJSON()' }, line: 2, column: 10 },
        { messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'doc.toObject()' }, line: 3, column: 18 },
        { messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'model.get({ plain: true })' }, line: 4, column: 10 },
      ],
    },
    {
      name: 'a prisma record, signed with jose',
      code: `import { SignJWT } from 'jose';\nexport async function POST(req: Request) {\n  const account = await prisma.account.findUnique({ where: { id: 1 } });\n  return new SignJWT({ ...account }).setProtectedHeader({ alg: 'HS256' }).sign(key);\n}`,
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jose.SignJWT', name: 'account' }, line: 4, column: 24 }],
    },
    {
      name: 'an Express route signing req.user',
      code: `const jwt = require('jsonwebtoken');\napp.post('/token', passport.authenticate('local'), (req, res) => {\n  res.json({ token: jwt.sign(req.user, process.env.JWT_SECRET) });\n});`,
      filename: 'app.js',
      errors: [{ messageId: 'wholeRecord', data: { callee: 'jsonwebtoken.sign', name: 'req.user' }, line: 3, column: 30 }],
    },
    {
      name: 'a Nest-style service',
      code: `import * as jwt from 'jsonwebtoken';\nexport class AuthService {\n  constructor(private readonly users: UsersRepository) {}\n  async login(email: string) {\n    const user = await this.users.findOneBy({ email });\n    return { access_token: jwt.sign({ sub: user.id, password: user.password }, process.env.JWT_SECRET!) };\n  }\n}`,
      errors: [{ messageId: 'sensitiveClaim', data: { name: 'password', what: 'a password', callee: 'jsonwebtoken.sign' }, line: 6, column: 53 }],
    },
    {
      name: 'a Nest JwtService signing the validated user',
      code: `import { JwtService } from '@nestjs/jwt';\nexport class AuthService {\n  constructor(private readonly jwtService: JwtService) {}\n  login(user: User) {\n    return { access_token: this.jwtService.sign(user) };\n  }\n}`,
      errors: [{ messageId: 'wholeRecord', data: { callee: '@nestjs/jwt.JwtService#sign', name: 'user' }, line: 5, column: 49 }],
    },
  ] satisfies Invalid[],
});
