/**
 * The schema's models as a reader of the client sees them: delegate names (`prisma.authUser`),
 * columns and relation fields (the keys `include` accepts, e.g. Lucia's `userRelationKey`).
 */
import type * as DMMF from "@prisma/dmmf";

export interface ScalarFieldSummary {
  name: string;
  /** Prisma type: `String`, `Int`, `BigInt`, …, or the enum's name. */
  type: string;
  isEnum: boolean;
  isList: boolean;
  isRequired: boolean;
  hasDefault: boolean;
  isId: boolean;
  isUnique: boolean;
  /** The column name, when `@map` gives one. */
  columnName: string;
}

export interface RelationFieldSummary {
  name: string;
  /** The related model's name. */
  model: string;
  isList: boolean;
  isRequired: boolean;
  /** Foreign-key fields on this side (`[user_id]`), empty on the side without the key. */
  fromFields: string[];
}

export interface ModelSummary {
  /** `AuthUser` */
  name: string;
  /** `authUser`: the property of PrismaClient, and the value Lucia's `modelNames` expects. */
  delegate: string;
  /** `auth_user` with `@@map("auth_user")`, else the model name. */
  tableName: string;
  scalars: ScalarFieldSummary[];
  relations: RelationFieldSummary[];
  /** Field sets that identify a row: the id and each unique constraint, single or compound. */
  uniqueKeys: { name: string; fields: string[] }[];
}

export interface EnumSummary {
  name: string;
  values: string[];
}

/** Prisma names a model's delegate by lower-casing its first character. */
export function delegateNameOf(modelName: string): string {
  return modelName.slice(0, 1).toLowerCase() + modelName.slice(1);
}

export function summariseModels(datamodel: DMMF.Datamodel): ModelSummary[] {
  return datamodel.models.map((model) => ({
    name: model.name,
    delegate: delegateNameOf(model.name),
    tableName: model.dbName ?? model.name,
    scalars: model.fields
      .filter((field) => field.kind === "scalar" || field.kind === "enum")
      .map((field) => ({
        name: field.name,
        type: field.type,
        isEnum: field.kind === "enum",
        isList: field.isList,
        isRequired: field.isRequired,
        hasDefault: field.hasDefaultValue || field.isUpdatedAt === true,
        isId: field.isId,
        isUnique: field.isUnique,
        columnName: field.dbName ?? field.name,
      })),
    relations: model.fields
      .filter((field) => field.kind === "object")
      .map((field) => ({
        name: field.name,
        model: field.type,
        isList: field.isList,
        isRequired: field.isRequired,
        fromFields: [...(field.relationFromFields ?? [])],
      })),
    uniqueKeys: uniqueKeysOf(model),
  }));
}

export function summariseEnums(datamodel: DMMF.Datamodel): EnumSummary[] {
  return datamodel.enums.map((enumeration) => ({ name: enumeration.name, values: enumeration.values.map((value) => value.name) }));
}

/** The keys `where` of findUnique accepts, named as Prisma names them (`a_b` for `@@unique([a, b])`). */
function uniqueKeysOf(model: DMMF.Model): { name: string; fields: string[] }[] {
  const keys: { name: string; fields: string[] }[] = [];
  const add = (name: string | null | undefined, fields: readonly string[]) => {
    const key = name ?? fields.join("_");
    if (!keys.some((existing) => existing.name === key)) keys.push({ name: key, fields: [...fields] });
  };
  for (const field of model.fields) if (field.isId || field.isUnique) add(field.name, [field.name]);
  if (model.primaryKey !== null) add(model.primaryKey.name, model.primaryKey.fields);
  for (const index of model.uniqueIndexes) add(index.name, index.fields);
  return keys;
}
