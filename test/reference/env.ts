// Imported first by every reference test: the service reads JWT_SECRET once, at import time, so it
// must be set before the service's modules load. A fresh random secret per run; never a literal.
import crypto from 'node:crypto';

process.env.JWT_SECRET = crypto.randomBytes(32).toString('base64url');

export const TEST_SECRET = Buffer.from(process.env.JWT_SECRET, 'utf8');
