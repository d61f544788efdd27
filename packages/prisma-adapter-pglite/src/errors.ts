import type { Error as DriverError, MappedError } from "@prisma/driver-adapter-utils";

/**
 * The fields of a PostgreSQL error report that PGlite copies onto its `DatabaseError`, as
 * node-postgres does onto its own: the same names, so the same rules apply to both.
 */
export interface PostgresErrorFields {
	message: string;
	code: string;
	severity: string;
	detail?: string | undefined;
	hint?: string | undefined;
	column?: string | undefined;
	table?: string | undefined;
	constraint?: string | undefined;
}

/** A PostgreSQL error report (PGlite's `DatabaseError`), told apart from JavaScript's own errors. */
export function isPostgresError(error: unknown): error is PostgresErrorFields {
	if (!(error instanceof Error)) return false;
	const fields = error as Error & Record<string, unknown>;
	return (
		typeof fields["code"] === "string" &&
		typeof fields["severity"] === "string" &&
		["detail", "hint", "column", "table", "constraint"].every((key) => fields[key] === undefined || typeof fields[key] === "string")
	);
}

/**
 * Maps an error thrown by PGlite to the driver adapter error Prisma understands, exactly as
 * `@prisma/adapter-pg` maps node-postgres's, or returns `undefined` when it is not a PostgreSQL
 * error report (those are rethrown unchanged).
 */
export function convertPostgresError(error: unknown): DriverError | undefined {
	if (!isPostgresError(error)) return undefined;
	return { ...mapPostgresError(error), originalCode: error.code, originalMessage: error.message };
}

/** The columns of `Key (a, b)=(…)` in a constraint violation's detail. */
function keyColumns(detail: string | undefined): string[] | undefined {
	return /Key \(([^)]+)\)/.exec(detail ?? "")?.[1]?.split(", ");
}

/** The first double-quoted name in a message such as `relation "Phantom" does not exist`. */
function quotedName(message: string, word: number): string | undefined {
	return message.split(" ")[word]?.split('"')[1];
}

function mapPostgresError(error: PostgresErrorFields): MappedError {
	switch (error.code) {
		case "22001":
			return { kind: "LengthMismatch", column: error.column };
		case "22003":
			return { kind: "ValueOutOfRange", cause: error.message };
		case "22P02":
			return { kind: "InvalidInputValue", message: error.message };
		case "23505":
			return uniqueViolation(error);
		case "23502": {
			const fields = keyColumns(error.detail);
			return { kind: "NullConstraintViolation", constraint: fields === undefined ? undefined : { fields } };
		}
		case "23503":
			return { kind: "ForeignKeyConstraintViolation", constraint: constraintOf(error) };
		case "23001":
			return { kind: "RestrictViolation", constraint: constraintOf(error) };
		case "3D000":
			return { kind: "DatabaseDoesNotExist", db: quotedName(error.message, 1) };
		case "28000":
			return {
				kind: "DatabaseAccessDenied",
				db: error.message.split(",").find((part) => part.startsWith(" database"))?.split('"')[1],
			};
		case "28P01":
			return { kind: "AuthenticationFailed", user: error.message.split(" ").pop()?.split('"')[1] };
		case "40001":
		case "40P01":
			return { kind: "TransactionWriteConflict" };
		case "42P01":
			return { kind: "TableDoesNotExist", table: quotedName(error.message, 1) };
		case "42703": {
			const column = /^column (.+) does not exist$/.exec(error.message)?.[1];
			return { kind: "ColumnNotFound", column: column?.replace(/"((?:""|[^"])*)"/g, (_, name: string) => name.replaceAll('""', '"')) };
		}
		case "42P04":
			return { kind: "DatabaseAlreadyExists", db: quotedName(error.message, 1) };
		case "53300":
			return { kind: "TooManyConnections", cause: error.message };
		default:
			return {
				kind: "postgres",
				code: error.code,
				severity: error.severity,
				message: error.message,
				detail: error.detail,
				column: error.column,
				hint: error.hint,
			};
	}
}

/**
 * A unique violation names its index (`Key_pkey`) and table, as PostgreSQL reports them; only
 * without an index name are the columns of the detail used, and the table read from a
 * `<table>_<columns>_key` index name when PostgreSQL gave none.
 */
function uniqueViolation(error: PostgresErrorFields): MappedError {
	const fields = keyColumns(error.detail);
	const constraint = error.constraint ? { index: error.constraint } : fields === undefined ? undefined : { fields };
	let table = error.table;
	if (table === undefined && fields !== undefined && fields.length > 0) {
		const suffix = `_${fields.join("_")}_key`;
		if (error.constraint?.endsWith(suffix)) table = error.constraint.slice(0, -suffix.length);
	}
	return { kind: "UniqueConstraintViolation", constraint, table };
}

function constraintOf(error: PostgresErrorFields): { fields: string[] } | { index: string } | undefined {
	if (error.column) return { fields: [error.column] };
	if (error.constraint) return { index: error.constraint };
	return undefined;
}
