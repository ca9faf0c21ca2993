/**
 * Names of SQL parameters: which column a placeholder fills, read from the statement text alone (no SQL parser).
 *
 * `placeholderColumn(sql, position)` — for the placeholder at `position` (0-based, in order of `?` placeholders, or
 * the `$n` one numbered `position + 1`): the column it is compared with or assigned to (`reset_code = ?`,
 * `SET token = $2`), or the column at the same position of an `INSERT INTO t (a, b) VALUES (?, ?)` list.
 * `undefined` when the text does not say (a function call around the placeholder, a subquery, a bare `VALUES`).
 */

const MAX_SQL = 4096;

/** The placeholders of the statement in order: `?` and `$1` (not inside quotes). */
function placeholders(sql: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '?') out.push({ at: i, text: '?' });
    else if (c === '$' && /\d/.test(sql[i + 1] ?? '')) {
      const m = /^\$\d+/.exec(sql.slice(i))!;
      out.push({ at: i, text: m[0] });
      i += m[0].length - 1;
    }
  }
  return out;
}

export function placeholderColumn(sql: string, position: number): string | undefined {
  if (sql.length > MAX_SQL || !/\b(insert|update|select|delete|upsert|merge)\b/i.test(sql)) return undefined;
  const all = placeholders(sql);
  const numbered = all.some((p) => p.text !== '?');
  const target = numbered ? all.find((p) => p.text === `$${position + 1}`) : all[position];
  if (!target) return undefined;
  // `column = ?`, `"column" = $1`, `t.column=?`
  const before = sql.slice(Math.max(0, target.at - 80), target.at);
  const compared = /["`[]?([A-Za-z_][\w]*)["`\]]?\s*(?:=|<>|!=)\s*$/.exec(before);
  if (compared) return compared[1];
  // INSERT INTO t (a, b, c) VALUES (?, ?, ?)
  const insert = /\binsert\s+into\s+[\w."`[\]]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/i.exec(sql);
  if (insert) {
    const columns = insert[1].split(',').map((c) => c.trim().replace(/^["`[]|["`\]]$/g, ''));
    const valuesStart = sql.indexOf(insert[2], insert.index + insert[0].length - insert[2].length - 1);
    const values = insert[2].split(',');
    let offset = valuesStart;
    for (let i = 0; i < values.length; i++) {
      const end = offset + values[i].length;
      if (target.at >= offset && target.at < end) return columns.length === values.length && /^[A-Za-z_]\w*$/.test(columns[i]) ? columns[i] : undefined;
      offset = end + 1;
    }
  }
  return undefined;
}
