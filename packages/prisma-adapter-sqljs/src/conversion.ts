import { type ArgType, type ColumnType, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/** A value sql.js can bind to a `?` placeholder. */
export type BindValue = number | string | Uint8Array | null;

/** A cell as sql.js reads it with `useBigInt`: every INTEGER arrives as an exact bigint. */
export type Cell = number | bigint | string | Uint8Array | null;

/** A cell as Prisma expects it back from a driver adapter. */
export type ResultCell = number | string | Uint8Array | null;

/**
 * Converts one argument from Prisma into the value sql.js binds, stored the way Prisma's SQLite
 * adapters store it: booleans as 0/1, DateTime as ISO 8601 text, bytes as a blob.
 */
export function toBindValue(arg: unknown, argType: ArgType | undefined): BindValue {
	if (arg === null || arg === undefined) return null;
	if (typeof arg === "string") return fromString(arg, argType);
	if (typeof arg === "number") return arg;
	if (typeof arg === "bigint") return bindBigInt(arg);
	if (typeof arg === "boolean") return arg ? 1 : 0;
	if (arg instanceof Date) return toIsoText(arg);
	if (arg instanceof Uint8Array) return arg;
	if (arg instanceof ArrayBuffer) return new Uint8Array(arg);
	// sql.js would bind an array as a blob and reject other objects with an unclear message.
	throw new TypeError(`Cannot bind a value of type ${describe(arg)} to a SQLite parameter`);
}

export function toBindValues(args: readonly unknown[], argTypes: readonly ArgType[]): BindValue[] {
	return args.map((arg, index) => toBindValue(arg, argTypes[index]));
}

/** Prisma sends numbers of every kind, dates and bytes as text; the argument type says which. */
function fromString(arg: string, argType: ArgType | undefined): BindValue {
	switch (argType?.scalarType) {
		case "int":
			return Number.parseInt(arg, 10);
		case "float":
		case "decimal":
			return Number.parseFloat(arg);
		case "bigint":
			return bindBigInt(BigInt(arg));
		case "datetime":
			return toIsoText(new Date(arg));
		case "bytes":
			return decodeBase64(arg);
		default:
			return arg;
	}
}

/**
 * sql.js binds a bigint as TEXT. A bigint that a double holds exactly is bound as a number (an
 * INTEGER column stores it as an integer); a larger one is bound as its decimal text, which an
 * INTEGER column converts to the exact 64-bit integer.
 */
export function bindBigInt(value: bigint): number | string {
	const asNumber = Number(value);
	return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

/** Prisma's SQLite adapters store DateTime as ISO 8601 text with an explicit `+00:00` offset. */
export function toIsoText(date: Date): string {
	return date.toISOString().replace("Z", "+00:00");
}

/** Base64 to bytes without Node's Buffer, so the adapter runs in pages and workers. */
export function decodeBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** Bigints go back to Prisma as numbers when exact, as decimal text otherwise. */
export function toResultCell(cell: Cell): ResultCell {
	if (typeof cell !== "bigint") return cell;
	const asNumber = Number(cell);
	return Number.isSafeInteger(asNumber) ? asNumber : cell.toString();
}

type StorageClass = "integer" | "real" | "text" | "blob";

const columnTypeOf: Record<StorageClass, ColumnType> = {
	integer: ColumnTypeEnum.Int64,
	real: ColumnTypeEnum.Double,
	text: ColumnTypeEnum.Text,
	blob: ColumnTypeEnum.Bytes,
};

function storageClassOf(cell: Exclude<Cell, null>): StorageClass {
	if (typeof cell === "bigint") return "integer";
	if (typeof cell === "number") return "real";
	if (typeof cell === "string") return "text";
	return "blob";
}

/**
 * sql.js cannot read a column's declared type, so each column's type comes from its values:
 * the first non-null value decides, except that a column mixing integers and reals is a Double
 * (so no fraction is truncated). A column with no value at all is an Int32, the fallback of
 * Prisma's SQLite adapters. Model queries map values by the schema's field types and ignore
 * these; raw query results are the only ones shaped by them.
 */
export function inferColumnTypes(columnCount: number, rows: readonly (readonly Cell[])[]): ColumnType[] {
	const types: ColumnType[] = [];
	for (let column = 0; column < columnCount; column++) {
		let first: StorageClass | undefined;
		let mixesIntegersAndReals = false;
		for (const row of rows) {
			const cell = row[column];
			if (cell === null || cell === undefined) continue;
			const storageClass = storageClassOf(cell);
			if (first === undefined) first = storageClass;
			else if (first !== storageClass && isNumeric(first) && isNumeric(storageClass)) mixesIntegersAndReals = true;
		}
		if (first === undefined) types.push(ColumnTypeEnum.Int32);
		else if (mixesIntegersAndReals) types.push(ColumnTypeEnum.Double);
		else types.push(columnTypeOf[first]);
	}
	return types;
}

function isNumeric(storageClass: StorageClass): boolean {
	return storageClass === "integer" || storageClass === "real";
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return "array";
	if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
	return typeof value;
}
