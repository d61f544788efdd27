import { types } from "@electric-sql/pglite";
import { type ArgType, type ColumnType, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/**
 * Values cross between Prisma and PGlite as PostgreSQL's text format, converted here and nowhere
 * else, so that every value comes out as `@prisma/adapter-pg` (over node-postgres) gives it.
 * PGlite's own parsers and serializers are bypassed: they would turn an `int8` into a bigint and a
 * `timestamp` into a Date where node-postgres gives text.
 */

/** A parameter as PostgreSQL receives it: text, or SQL NULL. */
export type PgText = string | null;

/** The OIDs of the types this file names; the rest are in the tables below. */
const oid = {
	bool: 16,
	bytea: 17,
	char: 18,
	name: 19,
	int8: 20,
	int2: 21,
	int4: 23,
	text: 25,
	oid: 26,
	json: 114,
	xml: 142,
	float4: 700,
	float8: 701,
	money: 790,
	bpchar: 1042,
	varchar: 1043,
	date: 1082,
	time: 1083,
	timestamp: 1114,
	timestamptz: 1184,
	timetz: 1266,
	bit: 1560,
	varbit: 1562,
	numeric: 1700,
	uuid: 2950,
	jsonb: 3802,
	inet: 869,
	cidr: 650,
} as const;

/** PostgreSQL gives user-defined types (enums, domains, composites) OIDs from here on. */
const firstUserObjectId = 16384;

// ---------------------------------------------------------------------------------------------
// Parameters

/**
 * One argument from Prisma as PostgreSQL text, the way adapter-pg prepares it and node-postgres
 * then sends it: DateTime as UTC `YYYY-MM-DD HH:MM:SS.mmm` (a date or a time alone for `@db.Date`
 * and `@db.Time`), bytes in hex, lists as array literals, booleans as `true`/`false`.
 */
export function toPgText(arg: unknown, argType: ArgType | undefined): PgText {
	if (arg === null || arg === undefined) return null;
	if (Array.isArray(arg)) return arrayLiteral(argType?.arity === "list" ? arg.map((item) => prepare(item, argType)) : arg);
	const prepared = prepare(arg, argType);
	if (prepared instanceof Uint8Array) return `\\x${hex(prepared)}`;
	return textOf(prepared);
}

export function toPgTexts(args: readonly unknown[], argTypes: readonly ArgType[]): PgText[] {
	return args.map((arg, index) => toPgText(arg, argTypes[index]));
}

/** adapter-pg's own step: dates formatted, base64 bytes decoded; other values go on as they are. */
function prepare(arg: unknown, argType: ArgType | undefined): unknown {
	if (arg === null || arg === undefined) return null;
	if (Array.isArray(arg)) return arg.map((item) => prepare(item, argType));
	const value = typeof arg === "string" && argType?.scalarType === "datetime" ? new Date(arg) : arg;
	if (value instanceof Date) {
		if (argType?.dbType === "TIME" || argType?.dbType === "TIMETZ") return formatTime(value);
		if (argType?.dbType === "DATE") return formatDate(value);
		return `${formatDate(value)} ${formatTime(value)}`;
	}
	if (typeof value === "string" && argType?.scalarType === "bytes") return decodeBase64(value);
	if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
	if (value instanceof ArrayBuffer) return new Uint8Array(value);
	return value;
}

/** node-postgres's text for a scalar: objects as JSON, everything else by `toString()`. */
function textOf(value: unknown): string {
	if (typeof value === "object" && value !== null) return JSON.stringify(value);
	return String(value);
}

/** A PostgreSQL array literal, every element quoted, as node-postgres writes one. */
function arrayLiteral(items: readonly unknown[]): string {
	const elements = items.map((item) => {
		if (item === null || item === undefined) return "NULL";
		if (Array.isArray(item)) return arrayLiteral(item);
		// Inside an array literal a backslash escapes the next character, so `\x` is written `\\x`.
		if (item instanceof Uint8Array) return `\\\\x${hex(item)}`;
		return `"${textOf(item).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
	});
	return `{${elements.join(",")}}`;
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, "0");
}

function formatDate(date: Date): string {
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Milliseconds only when there are some, as adapter-pg writes them. */
function formatTime(date: Date): string {
	const ms = date.getUTCMilliseconds();
	const fraction = ms === 0 ? "" : `.${pad(ms, 3)}`;
	return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction}`;
}

/** Base64 to bytes without Node's Buffer, so the adapter runs in pages and workers. */
export function decodeBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

function hex(bytes: Uint8Array): string {
	let text = "";
	for (const byte of bytes) text += byte.toString(16).padStart(2, "0");
	return text;
}

// ---------------------------------------------------------------------------------------------
// Results

type TextParser = (text: string) => unknown;

const asText: TextParser = (text) => text;
const asInteger: TextParser = (text) => Number.parseInt(text, 10);
const asFloat: TextParser = (text) => Number.parseFloat(text);
const asBoolean: TextParser = (text) => text === "t" || text === "true" || text === "TRUE" || text === "y" || text === "yes" || text === "on" || text === "1";
/** `timestamp` is UTC by Prisma's convention: adapter-pg adds the offset. */
const asTimestamp: TextParser = (text) => `${text.replace(" ", "T")}+00:00`;
/** adapter-pg replaces the session's offset by `+00:00` (the session runs in UTC). */
const asTimestamptz: TextParser = (text) => text.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00");
const asTimeWithoutZone: TextParser = (text) => text.replace(/[+-]\d{2}(:\d{2})?$/, "");
const asMoney: TextParser = (text) => text.slice(1);

function asBytes(text: string): Uint8Array {
	if (!text.startsWith("\\x")) throw new Error(`Expected bytea in hex format, got ${JSON.stringify(text.slice(0, 20))}`);
	const bytes = new Uint8Array((text.length - 2) / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(2 + 2 * i, 4 + 2 * i), 16);
	return bytes;
}

/** What node-postgres, with adapter-pg's parsers, makes of each type's text. Absent: the text itself. */
const scalarParsers = new Map<number, TextParser>([
	[oid.bool, asBoolean],
	[oid.bytea, asBytes],
	[oid.int2, asInteger],
	[oid.int4, asInteger],
	[oid.oid, asInteger],
	[oid.float4, asFloat],
	[oid.float8, asFloat],
	[oid.money, asMoney],
	[oid.timestamp, asTimestamp],
	[oid.timestamptz, asTimestamptz],
	[oid.timetz, asTimeWithoutZone],
]);

/** Array types node-postgres parses, by the OID of the array type, with the parser of one element. */
const arrayParsers = new Map<number, TextParser>([
	[1000, asBoolean], // bool[]
	[1001, asBytes], // bytea[]
	[1005, asInteger], // int2[]
	[1007, asInteger], // int4[]
	[1028, asInteger], // oid[]
	[1016, asText], // int8[] (text, as a scalar int8: a double cannot hold every int8)
	[1021, asFloat], // float4[]
	[1022, asFloat], // float8[]
	[1231, asText], // numeric[]
	[791, asMoney], // money[]
	[1014, asText], // bpchar[]
	[1015, asText], // varchar[]
	[1008, asText], // regproc[]
	[1009, asText], // text[]
	[1040, asText], // macaddr[]
	[1041, asText], // inet[]
	[651, asText], // cidr[]
	[1182, asText], // date[]
	[1183, asText], // time[]
	[1270, asText], // timetz[] (node-postgres keeps the offset inside arrays)
	[1115, asTimestamp], // timestamp[]
	[1185, asTimestamptz], // timestamptz[]
	[199, asText], // json[]
	[3807, asText], // jsonb[]
	[2951, asText], // uuid[]
	[1561, asText], // bit[]
	[1563, asText], // varbit[]
	[143, asText], // xml[]
	[3907, asText], // numrange[]
]);

/** The value adapter-pg returns for one non-null cell of a column of type `typeOid`. */
export function parseCell(text: string, typeOid: number): unknown {
	const element = arrayParsers.get(typeOid);
	if (element !== undefined) return types.arrayParser(text, element, typeOid);
	return (scalarParsers.get(typeOid) ?? asText)(text);
}

/**
 * Parser options for `PGlite.query` that hand every cell to `parseCell`. PGlite applies its own
 * parser to any type in its table that the options leave out, so the options cover that whole
 * table (`known`: the keys of the PGlite instance's `parsers`) besides the types above.
 */
export function resultParsers(known: Iterable<string>): Record<number, TextParser> {
	const options: Record<number, TextParser> = {};
	const oids = new Set([...scalarParsers.keys(), ...arrayParsers.keys()]);
	for (const key of known) if (/^\d+$/.test(key)) oids.add(Number(key));
	for (const typeOid of oids) options[typeOid] = (text) => parseCell(text, typeOid);
	return options;
}

/** Serializer options for `PGlite.query` that send the text of `toPgText` as it is. */
export function textSerializers(known: Iterable<string>): Record<number, (value: unknown) => string> {
	const options: Record<number, (value: unknown) => string> = {};
	for (const key of known) if (/^\d+$/.test(key)) options[Number(key)] = (value) => String(value);
	return options;
}

// ---------------------------------------------------------------------------------------------
// Column types

const columnTypes = new Map<number, ColumnType>([
	[oid.int2, ColumnTypeEnum.Int32],
	[oid.int4, ColumnTypeEnum.Int32],
	[oid.int8, ColumnTypeEnum.Int64],
	[oid.oid, ColumnTypeEnum.Int64],
	[oid.float4, ColumnTypeEnum.Float],
	[oid.float8, ColumnTypeEnum.Double],
	[oid.bool, ColumnTypeEnum.Boolean],
	[oid.date, ColumnTypeEnum.Date],
	[oid.time, ColumnTypeEnum.Time],
	[oid.timetz, ColumnTypeEnum.Time],
	[oid.timestamp, ColumnTypeEnum.DateTime],
	[oid.timestamptz, ColumnTypeEnum.DateTime],
	[oid.numeric, ColumnTypeEnum.Numeric],
	[oid.money, ColumnTypeEnum.Numeric],
	[oid.json, ColumnTypeEnum.Json],
	[oid.jsonb, ColumnTypeEnum.Json],
	[oid.uuid, ColumnTypeEnum.Uuid],
	...[oid.bpchar, oid.text, oid.varchar, oid.bit, oid.varbit, oid.inet, oid.cidr, oid.xml, oid.name].map(
		(typeOid) => [typeOid, ColumnTypeEnum.Text] as const,
	),
	[oid.bytea, ColumnTypeEnum.Bytes],
	[1005, ColumnTypeEnum.Int32Array],
	[1007, ColumnTypeEnum.Int32Array],
	[1021, ColumnTypeEnum.FloatArray],
	[1022, ColumnTypeEnum.DoubleArray],
	[1231, ColumnTypeEnum.NumericArray],
	[791, ColumnTypeEnum.NumericArray],
	[1000, ColumnTypeEnum.BooleanArray],
	[1002, ColumnTypeEnum.CharacterArray],
	...[1014, 1009, 1015, 1563, 1561, 1041, 651, 143].map((typeOid) => [typeOid, ColumnTypeEnum.TextArray] as const),
	[1182, ColumnTypeEnum.DateArray],
	[1183, ColumnTypeEnum.TimeArray],
	[1115, ColumnTypeEnum.DateTimeArray],
	[1185, ColumnTypeEnum.DateTimeArray],
	[199, ColumnTypeEnum.JsonArray],
	[3807, ColumnTypeEnum.JsonArray],
	[1001, ColumnTypeEnum.BytesArray],
	[2951, ColumnTypeEnum.UuidArray],
	[1016, ColumnTypeEnum.Int64Array],
	[1028, ColumnTypeEnum.Int64Array],
]);

/** Names of built-in types Prisma cannot read, for the error that names them (adapter-pg's words). */
const unsupportedTypeNames = new Map<number, string>([
	[oid.char, "char"], [22, "int2vector"], [24, "regproc"], [27, "tid"], [28, "xid"], [29, "cid"],
	[30, "oidvector"], [600, "point"], [601, "lseg"], [602, "path"], [603, "box"], [604, "polygon"],
	[628, "line"], [718, "circle"], [774, "macaddr8"], [829, "macaddr"], [1033, "aclitem"],
	[1186, "interval"], [1790, "refcursor"], [2205, "regclass"], [2206, "regtype"], [2249, "record"],
	[2278, "void"], [3220, "pg_lsn"], [3614, "tsvector"], [3615, "tsquery"], [3904, "int4range"],
	[3906, "numrange"], [3908, "tsrange"], [3910, "tstzrange"], [3912, "daterange"], [3926, "int8range"],
	[4072, "jsonpath"], [5069, "xid8"],
]);

/** A result column whose type Prisma cannot read (adapter-pg refuses the same ones). */
export class UnsupportedColumnType extends Error {
	readonly type: string;
	constructor(typeOid: number) {
		const type = unsupportedTypeNames.get(typeOid) ?? "Unknown";
		super(`Unsupported column type ${type}`);
		this.type = type;
	}
}

/** The column type Prisma reads a result column as; user-defined types (enums) are text. */
export function columnTypeOf(typeOid: number): ColumnType {
	const known = columnTypes.get(typeOid);
	if (known !== undefined) return known;
	if (typeOid >= firstUserObjectId) return ColumnTypeEnum.Text;
	throw new UnsupportedColumnType(typeOid);
}
