/**
 * What a MySQL/MariaDB database created from a Prisma schema must contain, as sorted one-line
 * "facts" (tables, columns, keys, indexes, foreign keys), read from the schema with Prisma's own
 * DMMF. Object names follow Prisma's defaults (`<table>_<columns>_key|_idx|_fkey`) unless mapped.
 */
import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
  relationName?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}

interface Dmmf {
  datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
}

/** Column types as information_schema shows them for Prisma's default MySQL mapping. */
const columnTypes: Record<string, string> = {
  String: "varchar(191)",
  BigInt: "bigint",
  Int: "int",
  Boolean: "tinyint",
  Float: "double",
  DateTime: "datetime",
  Decimal: "decimal",
  Bytes: "longblob",
};

const referentialActions: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

export async function expectedMySqlFacts(schemaPath: string): Promise<string[]> {
  const content = await readFile(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[schemaPath, content]] }))) as Dmmf;
  const { models, indexes } = dmmf.datamodel;
  const tableOf = (modelName: string) => {
    const model = models.find((m) => m.name === modelName);
    if (model === undefined) throw new Error(`Unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const field = models.find((m) => m.name === modelName)?.fields.find((f) => f.name === fieldName);
    if (field === undefined) throw new Error(`Unknown field ${modelName}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  const facts: string[] = [];
  for (const model of models) {
    const table = tableOf(model.name);
    facts.push(`table ${table} utf8mb4_unicode_ci`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields === undefined || field.relationFromFields.length === 0) continue;
        const target = tableOf(field.type);
        const columns = field.relationFromFields.map((f) => columnOf(model.name, f));
        const references = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
        const required = field.relationFromFields.every(
          (f) => model.fields.find((candidate) => candidate.name === f)?.isRequired === true,
        );
        const onDelete = referentialActions[field.relationOnDelete ?? (required ? "Restrict" : "SetNull")];
        const onUpdate = referentialActions[field.relationOnUpdate ?? "Cascade"];
        facts.push(
          `foreign key ${table}.${table}_${columns.join("_")}_fkey (${columns.join(", ")}) -> ${target} (${references.join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`,
        );
        continue;
      }
      if (field.kind !== "scalar" || field.isList || (field.nativeType ?? null) !== null) {
        throw new Error(`${model.name}.${field.name}: this check knows only plain scalar fields; extend mysql-expected-facts.ts`);
      }
      const type = columnTypes[field.type];
      if (type === undefined) throw new Error(`${model.name}.${field.name}: no MySQL type known for ${field.type}`);
      facts.push(`column ${table}.${field.dbName ?? field.name} ${type} ${field.isRequired ? "NOT NULL" : "NULL"}`);
    }
  }
  for (const index of indexes) {
    const table = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const list = `(${columns.join(", ")})`;
    if (index.type === "id") facts.push(`primary key ${table} ${list}`);
    else if (index.type === "unique") facts.push(`unique index ${table}.${index.dbName ?? `${table}_${columns.join("_")}_key`} ${list}`);
    else if (index.type === "normal") facts.push(`index ${table}.${index.dbName ?? `${table}_${columns.join("_")}_idx`} ${list}`);
    else throw new Error(`${index.model}: ${index.type} indexes are not covered by this check`);
  }
  return facts.sort();
}
