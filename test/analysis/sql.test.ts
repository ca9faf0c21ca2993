import { describe, expect, it } from 'vitest';
import { placeholderColumn } from '../../src/analysis/sql.js';

describe('placeholderColumn', () => {
  it('names the column a placeholder is compared with or assigned to', () => {
    const update = 'UPDATE users SET reset_code = ?, reset_expires = ? WHERE id = ?';
    expect([0, 1, 2, 3].map((i) => placeholderColumn(update, i))).toEqual(['reset_code', 'reset_expires', 'id', undefined]);
    expect(placeholderColumn('UPDATE accounts SET "token" = $2 WHERE id = $1', 1)).toBe('token');
    expect(placeholderColumn('UPDATE accounts SET "token" = $2 WHERE id = $1', 0)).toBe('id');
  });
  it('reads INSERT column lists by position', () => {
    const insert = 'INSERT INTO invites (org_id, email, code) VALUES (?, ?, ?)';
    expect([0, 1, 2].map((i) => placeholderColumn(insert, i))).toEqual(['org_id', 'email', 'code']);
    expect(placeholderColumn('INSERT INTO sessions (id, user_id) VALUES ($1, $2)', 0)).toBe('id');
  });
  it('says nothing when the text does not: function calls, mismatched lists, quoted question marks, other text', () => {
    expect(placeholderColumn('UPDATE t SET a = lower(?) WHERE b = ?', 0)).toBeUndefined();
    expect(placeholderColumn('INSERT INTO t (a, b) VALUES (?, now(), ?)', 1)).toBeUndefined();
    expect(placeholderColumn("SELECT * FROM t WHERE note = '?' AND code = ?", 0)).toBe('code');
    expect(placeholderColumn('Is this = ?', 0)).toBeUndefined();
  });
});
