/** The same one-line facts as mysql-expected-facts.ts, read from a live database's information_schema. */
import mariadb from "mariadb";

type Row = Record<string, string | number | null>;

export async function actualMySqlFacts(connection: mariadb.Connection, database: string): Promise<string[]> {
  const query = (sql: string) => connection.query<Row[]>(sql, [database]);
  const facts: string[] = [];

  for (const row of await query(
    "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
  )) {
    facts.push(`table ${row.TABLE_NAME} ${row.TABLE_COLLATION}`);
  }

  for (const row of await query(
    `SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?`,
  )) {
    const type = row.DATA_TYPE === "varchar" ? `varchar(${row.CHARACTER_MAXIMUM_LENGTH})` : String(row.DATA_TYPE);
    facts.push(`column ${row.TABLE_NAME}.${row.COLUMN_NAME} ${type} ${row.IS_NULLABLE === "YES" ? "NULL" : "NOT NULL"}`);
  }

  const indexColumns = new Map<string, { table: string; name: string; unique: boolean; columns: string[] }>();
  for (const row of await query(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  )) {
    const key = `${row.TABLE_NAME}.${row.INDEX_NAME}`;
    const entry = indexColumns.get(key) ?? {
      table: String(row.TABLE_NAME),
      name: String(row.INDEX_NAME),
      unique: Number(row.NON_UNIQUE) === 0,
      columns: [],
    };
    entry.columns.push(String(row.COLUMN_NAME));
    indexColumns.set(key, entry);
  }
  for (const index of indexColumns.values()) {
    const list = `(${index.columns.join(", ")})`;
    if (index.name === "PRIMARY") facts.push(`primary key ${index.table} ${list}`);
    else facts.push(`${index.unique ? "unique index" : "index"} ${index.table}.${index.name} ${list}`);
  }

  const foreignKeys = await query(
    `SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE,
            GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') AS COLUMNS,
            GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') AS REFERENCED_COLUMNS
       FROM information_schema.REFERENTIAL_CONSTRAINTS r
       JOIN information_schema.KEY_COLUMN_USAGE k
         ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME AND k.TABLE_NAME = r.TABLE_NAME
      WHERE r.CONSTRAINT_SCHEMA = ?
      GROUP BY r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE`,
  );
  for (const row of foreignKeys) {
    facts.push(
      `foreign key ${row.TABLE_NAME}.${row.CONSTRAINT_NAME} (${row.COLUMNS}) -> ${row.REFERENCED_TABLE_NAME} (${row.REFERENCED_COLUMNS}) ON DELETE ${row.DELETE_RULE} ON UPDATE ${row.UPDATE_RULE}`,
    );
  }
  return facts.sort();
}
