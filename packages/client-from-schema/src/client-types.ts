/**
 * A `.d.ts` text describing the PrismaClient built for a schema: one delegate per model with
 * Prisma's model methods, `include` keyed by the model's relation fields. It is written for an
 * editor's completions (Lucia's `modelNames` and `userRelationKey` among them), not to replace
 * the exhaustive types `prisma generate` writes.
 */
import type { EnumSummary, ModelSummary, ScalarFieldSummary } from "./models.ts";

const scalarTypes: Record<string, { output: string; input: string }> = {
  String: { output: "string", input: "string" },
  Boolean: { output: "boolean", input: "boolean" },
  Int: { output: "number", input: "number" },
  Float: { output: "number", input: "number" },
  BigInt: { output: "bigint", input: "bigint | number" },
  Decimal: { output: "Decimal", input: "Decimal | number | string" },
  DateTime: { output: "Date", input: "Date | string" },
  Json: { output: "JsonValue", input: "JsonValue" },
  Bytes: { output: "Uint8Array", input: "Uint8Array" },
};

const prelude = `// Types of the PrismaClient built from your schema.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export interface Decimal { toString(): string; toNumber(): number }
export type Filter<T> = T | null | {
  equals?: T | null; not?: T | null | Filter<T>; in?: T[]; notIn?: T[];
  lt?: T; lte?: T; gt?: T; gte?: T;
  contains?: T; startsWith?: T; endsWith?: T;
};
/** The row with the relations \`include\` asked for. */
export type Included<Row, Relations, Args> = Args extends { include?: infer Include }
  ? Row & { [Key in keyof Include & keyof Relations as Include[Key] extends false | undefined | null ? never : Key]: Relations[Key] }
  : Row;
export type OrderBy<Row> = { [Key in keyof Row]?: "asc" | "desc" } | { [Key in keyof Row]?: "asc" | "desc" }[];
export interface BatchPayload { count: number }
`;

export function clientTypesOf(models: ModelSummary[], enums: EnumSummary[]): string {
  const parts = [prelude];
  for (const enumeration of enums) {
    parts.push(`export type ${enumeration.name} = ${enumeration.values.map((value) => JSON.stringify(value)).join(" | ") || "never"};\n`);
  }
  for (const model of models) parts.push(modelTypes(model));
  parts.push(clientInterface(models));
  return parts.join("\n");
}

function modelTypes(model: ModelSummary): string {
  const m = model.name;
  const foreignKeys = new Set(model.relations.flatMap((relation) => relation.fromFields));
  const row = model.scalars.map((field) => `  ${field.name}: ${outputType(field)};`);
  const relations = model.relations.map(
    (relation) => `  ${relation.name}: ${relation.model}${relation.isList ? "[]" : relation.isRequired ? "" : " | null"};`,
  );
  const include = [
    ...model.relations.map(
      (relation) => `  ${relation.name}?: boolean | { include?: ${relation.model}Include; where?: ${relation.model}Where${relation.isList ? `; take?: number; skip?: number; orderBy?: OrderBy<${relation.model}>` : ""} };`,
    ),
    ...(model.relations.some((relation) => relation.isList) ? ["  _count?: boolean;"] : []),
  ];
  const where = [
    ...model.scalars.map((field) => `  ${field.name}?: Filter<${inputType(field)}>;`),
    ...model.relations.map((relation) =>
      relation.isList
        ? `  ${relation.name}?: { some?: ${relation.model}Where; every?: ${relation.model}Where; none?: ${relation.model}Where };`
        : `  ${relation.name}?: ${relation.model}Where | { is?: ${relation.model}Where | null; isNot?: ${relation.model}Where | null } | null;`,
    ),
    `  AND?: ${m}Where | ${m}Where[];`,
    `  OR?: ${m}Where[];`,
    `  NOT?: ${m}Where | ${m}Where[];`,
  ];
  const uniqueKeys = model.uniqueKeys.map((key) => {
    const first = key.fields[0];
    if (key.fields.length === 1 && first === key.name) return `{ ${key.name}: ${fieldInput(model, key.name)} }`;
    return `{ ${key.name}: { ${key.fields.map((field) => `${field}: ${fieldInput(model, field)}`).join("; ")} } }`;
  });
  const create = [
    ...model.scalars.map((field) => {
      const optional = !field.isRequired || field.hasDefault || field.isList || foreignKeys.has(field.name);
      return `  ${field.name}${optional ? "?" : ""}: ${inputType(field)}${field.isRequired ? "" : " | null"};`;
    }),
    ...model.relations.map(
      (relation) => `  ${relation.name}?: { connect?: ${relation.model}WhereUnique${relation.isList ? ` | ${relation.model}WhereUnique[]` : ""}; create?: ${relation.model}Create${relation.isList ? ` | ${relation.model}Create[]` : ""} };`,
    ),
  ];
  const args = (extra: string) => `{ ${extra}select?: { [Key in keyof ${m} | keyof ${m}Relations]?: boolean }; include?: ${m}Include }`;
  return `export interface ${m} {
${row.join("\n")}
}
export interface ${m}Relations {
${relations.join("\n")}
}
export interface ${m}Include {
${include.join("\n")}
}
export interface ${m}Where {
${where.join("\n")}
}
export type ${m}WhereUnique = (${uniqueKeys.join(" | ") || "never"}) & ${m}Where;
export interface ${m}Create {
${create.join("\n")}
}
export type ${m}Update = { [Key in keyof ${m}Create]?: ${m}Create[Key] };
export type ${m}FindUniqueArgs = ${args(`where: ${m}WhereUnique; `)};
export type ${m}FindManyArgs = ${args(`where?: ${m}Where; orderBy?: OrderBy<${m}>; take?: number; skip?: number; cursor?: ${m}WhereUnique; `)};
export interface ${m}Delegate {
  findUnique<Args extends ${m}FindUniqueArgs>(args: Args): Promise<Included<${m}, ${m}Relations, Args> | null>;
  findUniqueOrThrow<Args extends ${m}FindUniqueArgs>(args: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  findFirst<Args extends ${m}FindManyArgs>(args?: Args): Promise<Included<${m}, ${m}Relations, Args> | null>;
  findFirstOrThrow<Args extends ${m}FindManyArgs>(args?: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  findMany<Args extends ${m}FindManyArgs>(args?: Args): Promise<Included<${m}, ${m}Relations, Args>[]>;
  create<Args extends ${args(`data: ${m}Create; `)}>(args: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  createMany(args: { data: ${m}Create | ${m}Create[] }): Promise<BatchPayload>;
  update<Args extends ${args(`where: ${m}WhereUnique; data: ${m}Update; `)}>(args: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  updateMany(args: { where?: ${m}Where; data: ${m}Update }): Promise<BatchPayload>;
  upsert<Args extends ${args(`where: ${m}WhereUnique; create: ${m}Create; update: ${m}Update; `)}>(args: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  delete<Args extends ${m}FindUniqueArgs>(args: Args): Promise<Included<${m}, ${m}Relations, Args>>;
  deleteMany(args?: { where?: ${m}Where }): Promise<BatchPayload>;
  count(args?: { where?: ${m}Where }): Promise<number>;
}
`;
}

function clientInterface(models: ModelSummary[]): string {
  const delegates = models.map((model) => `  ${model.delegate}: ${model.name}Delegate;`);
  return `export interface TransactionClient {
${delegates.join("\n")}
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}
export interface PrismaClient extends TransactionClient {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $transaction<T>(run: (tx: TransactionClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
  $transaction<const Queries extends readonly Promise<unknown>[]>(queries: Queries): Promise<{ -readonly [Index in keyof Queries]: Awaited<Queries[Index]> }>;
}
export declare const prisma: PrismaClient;
`;
}

function outputType(field: ScalarFieldSummary): string {
  const base = field.isEnum ? field.type : (scalarTypes[field.type]?.output ?? "unknown");
  const listed = field.isList ? `${base}[]` : base;
  return field.isRequired || field.isList ? listed : `${listed} | null`;
}

function inputType(field: ScalarFieldSummary): string {
  const base = field.isEnum ? field.type : (scalarTypes[field.type]?.input ?? "unknown");
  return field.isList ? `(${base})[]` : base;
}

function fieldInput(model: ModelSummary, name: string): string {
  const field = model.scalars.find((candidate) => candidate.name === name);
  return field === undefined ? "unknown" : inputType(field);
}
