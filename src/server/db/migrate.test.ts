import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate';

describe('splitting a migration into statements', () => {
  it('splits at semicolons, drops comment lines, and keeps a dollar-quoted body whole', () => {
    const sql = [
      '-- a comment; with a semicolon',
      'CREATE TABLE t (id int);',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      "  RAISE EXCEPTION 'no; never';",
      '  RETURN OLD;',
      'END;',
      '$$;',
      'CREATE INDEX t_idx ON t (id);',
    ].join('\n');
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toBe('CREATE TABLE t (id int)');
    expect(statements[1]).toMatch(/^CREATE FUNCTION f\(\)[\s\S]*RETURN OLD;\nEND;\n\$\$$/);
    expect(statements[2]).toBe('CREATE INDEX t_idx ON t (id)');
  });

  it('refuses an unterminated body rather than running half of it', () => {
    expect(() => splitStatements('CREATE FUNCTION f() AS $body$ BEGIN;')).toThrow(
      /unterminated \$body\$ body/,
    );
  });
});
