// SQL text with its values, as a tagged template whose pieces nest: `sql\`… ${value} …\`` makes a `$n` placeholder
// for a value and splices a nested `Sql` in place, numbering every placeholder once, at the end. The same statement
// then runs on the plain pg pool (`pool.query(text, values)`) or through Prisma (`tx.$queryRawUnsafe(text, ...values)`),
// so the command pipeline's one-statement path and its transaction share their SQL. Written here because neither
// driver composes fragments: Prisma.sql does, but only for Prisma.
import { createHash } from 'node:crypto';

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement as a driver takes it. */
  render(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.#append(values);
    return { text, values };
  }

  #append(values: unknown[]): string {
    let text = this.strings[0]!;
    this.values.forEach((value, i) => {
      if (value instanceof Sql) text += value.#append(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1]!;
    });
    return text;
  }
}

/**
 * The statement as a named (prepared) query for the pg pool: each connection parses and plans a shape once, not on
 * every call, which on the short path is most of a read's cost. The name is the text's hash: one name per shape.
 */
export function prepared(statement: Sql): { name: string; text: string; values: unknown[] } {
  const { text, values } = statement.render();
  return { name: `cb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values };
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Joins fragments with a separator (`, ` between CTEs, ` AND ` between conditions). */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return sql``;
  const strings = ['', ...Array(parts.length - 1).fill(separator), ''];
  return new Sql(strings, parts);
}
