import type { Error as DriverError, MappedError } from "@prisma/driver-adapter-utils";

/**
 * sql.js reports failures as `new Error(sqlite3_errmsg(db))`, without a result code, so every
 * error is recognised here by SQLite's own message text. Each rule names the extended result
 * code SQLite would have given, for `originalCode` and for the `sqlite` kind.
 */
interface MessageRule {
	pattern: RegExp;
	code: string;
	extendedCode: number;
	/** The Prisma error kind; without one the error is passed on as kind `sqlite`. */
	toKind?: (match: RegExpExecArray) => MappedError;
}

const rules: readonly MessageRule[] = [
	{
		pattern: /^UNIQUE constraint failed: (.+)$/s,
		code: "SQLITE_CONSTRAINT_UNIQUE",
		extendedCode: 2067,
		toKind: (match) => uniqueViolation(match[1] ?? ""),
	},
	{
		pattern: /^NOT NULL constraint failed: (.+)$/s,
		code: "SQLITE_CONSTRAINT_NOTNULL",
		extendedCode: 1299,
		toKind: (match) => ({
			kind: "NullConstraintViolation",
			constraint: { fields: splitColumns(match[1] ?? "").map((c) => c.column) },
		}),
	},
	{
		pattern: /^FOREIGN KEY constraint failed$/,
		code: "SQLITE_CONSTRAINT_FOREIGNKEY",
		extendedCode: 787,
		toKind: () => ({ kind: "ForeignKeyConstraintViolation", constraint: { foreignKey: {} } }),
	},
	{ pattern: /^CHECK constraint failed: /, code: "SQLITE_CONSTRAINT_CHECK", extendedCode: 275 },
	{
		pattern: /^database is locked/,
		code: "SQLITE_BUSY",
		extendedCode: 5,
		toKind: () => ({ kind: "SocketTimeout" }),
	},
	{ pattern: /^database table is locked/, code: "SQLITE_LOCKED", extendedCode: 6 },
	{
		pattern: /^no such table: (.+)$/s,
		code: "SQLITE_ERROR",
		extendedCode: 1,
		toKind: (match) => ({ kind: "TableDoesNotExist", table: match[1] ?? "" }),
	},
	{
		pattern: /^no such column: (.+)$/s,
		code: "SQLITE_ERROR",
		extendedCode: 1,
		toKind: (match) => ({ kind: "ColumnNotFound", column: match[1] ?? "" }),
	},
	{
		pattern: /has no column named (.+)$/s,
		code: "SQLITE_ERROR",
		extendedCode: 1,
		toKind: (match) => ({ kind: "ColumnNotFound", column: match[1] ?? "" }),
	},
	{
		// sql.js's own message (thrown as a bare string by some methods) once the database is closed.
		pattern: /^Database closed$/,
		code: "SQLITE_MISUSE",
		extendedCode: 21,
		toKind: () => ({ kind: "ConnectionClosed" }),
	},
	{ pattern: /^out of memory$/, code: "SQLITE_NOMEM", extendedCode: 7 },
	{ pattern: /^attempt to write a readonly database/, code: "SQLITE_READONLY", extendedCode: 8 },
	{ pattern: /^interrupted$/, code: "SQLITE_INTERRUPT", extendedCode: 9 },
	{ pattern: /^database disk image is malformed$/, code: "SQLITE_CORRUPT", extendedCode: 11 },
	{ pattern: /^database or disk is full$/, code: "SQLITE_FULL", extendedCode: 13 },
	{ pattern: /^string or blob too big$/, code: "SQLITE_TOOBIG", extendedCode: 18 },
	{ pattern: /^datatype mismatch$/, code: "SQLITE_MISMATCH", extendedCode: 20 },
	{ pattern: /^file is not a database$/, code: "SQLITE_NOTADB", extendedCode: 26 },
];

/** What SQLite reports for anything the rules do not recognise. */
const genericError = { code: "SQLITE_ERROR", extendedCode: 1 };

/**
 * Maps an error thrown by sql.js to the driver adapter error Prisma understands, or returns
 * `undefined` when it did not come from SQLite (those are rethrown unchanged).
 */
export function convertSqliteError(error: unknown): DriverError | undefined {
	const message = sqliteMessageOf(error);
	if (message === undefined) return undefined;
	for (const rule of rules) {
		const match = rule.pattern.exec(message);
		if (match === null) continue;
		const mapped = rule.toKind?.(match) ?? { kind: "sqlite", extendedCode: rule.extendedCode, message };
		return { ...mapped, originalCode: rule.code, originalMessage: message };
	}
	return {
		kind: "sqlite",
		extendedCode: genericError.extendedCode,
		message,
		originalCode: genericError.code,
		originalMessage: message,
	};
}

/**
 * sql.js throws plain `Error`s (and, from a closed database, plain strings). Subclasses such as
 * TypeError or RangeError come from JavaScript itself, not from SQLite.
 */
function sqliteMessageOf(error: unknown): string | undefined {
	if (typeof error === "string") return error;
	if (error instanceof Error && Object.getPrototypeOf(error) === Error.prototype) return error.message;
	return undefined;
}

/**
 * SQLite names the columns of a failed unique constraint as `Table.column, Table.column`, or,
 * for a unique index on expressions, as `index 'name'`.
 */
function uniqueViolation(detail: string): MappedError {
	const index = /^index '(.+)'$/.exec(detail);
	if (index) return { kind: "UniqueConstraintViolation", constraint: { index: index[1] ?? "" } };
	const columns = splitColumns(detail);
	return {
		kind: "UniqueConstraintViolation",
		constraint: { fields: columns.map((c) => c.column) },
		table: columns[0]?.table,
	};
}

function splitColumns(detail: string): Array<{ table: string | undefined; column: string }> {
	return detail.split(", ").map((qualified) => {
		const dot = qualified.lastIndexOf(".");
		return dot === -1
			? { table: undefined, column: qualified }
			: { table: qualified.slice(0, dot), column: qualified.slice(dot + 1) };
	});
}
