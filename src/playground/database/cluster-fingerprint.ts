/**
 * What a run could change in the cluster that emptying the database does not undo. Between runs
 * the database worker drops every schema (and all that is in them) and resets the session; what
 * survives that is global (roles, databases, settings per role) or lives in the system schemas
 * (a function in pg_catalog, an event trigger calling it, a row changed in a catalog). The
 * fingerprint counts those rows and takes the newest transaction that wrote one of them, so a
 * run that added, changed or removed any of them gives another fingerprint, and the worker then
 * starts PostgreSQL again from the snapshot.
 */
import type { PGlite } from "@electric-sql/pglite";

/** The system schemas: pg_catalog, pg_toast and information_schema. */
const systemNamespaces = "(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname IN ('pg_catalog', 'pg_toast', 'information_schema'))";

/** Catalogs of objects in a schema, by the column that names the schema: those in the system schemas count. */
const inSchemas: Record<string, string> = {
  pg_class: "relnamespace",
  pg_proc: "pronamespace",
  pg_type: "typnamespace",
  pg_operator: "oprnamespace",
  pg_opclass: "opcnamespace",
  pg_opfamily: "opfnamespace",
  pg_collation: "collnamespace",
  pg_conversion: "connamespace",
  pg_constraint: "connamespace",
  pg_ts_config: "cfgnamespace",
  pg_ts_dict: "dictnamespace",
  pg_ts_parser: "prsnamespace",
  pg_ts_template: "tmplnamespace",
};

/** Catalogs of objects on a table: those on a system table count. */
const onTables: Record<string, string> = {
  pg_attribute: "attrelid",
  pg_attrdef: "adrelid",
  pg_index: "indrelid",
  pg_trigger: "tgrelid",
  pg_rewrite: "ev_class",
  pg_policy: "polrelid",
};

/** Catalogs whose every row outlives a schema drop. */
const whole = [
  "pg_database",
  "pg_authid",
  "pg_auth_members",
  "pg_tablespace",
  "pg_db_role_setting",
  "pg_event_trigger",
  "pg_extension",
  "pg_language",
  "pg_foreign_data_wrapper",
  "pg_foreign_server",
  "pg_user_mapping",
  "pg_publication",
  "pg_cast",
  "pg_default_acl",
  "pg_largeobject_metadata",
  "pg_am",
  "pg_transform",
  "pg_aggregate",
];

const countAndNewest = (from: string, where = "true") =>
  `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM pg_catalog.${from} WHERE ${where})`;

const fingerprintSql = `SELECT concat_ws(' ',
  ${[
    ...Object.entries(inSchemas).map(([catalog, column]) => countAndNewest(catalog, `${column} IN ${systemNamespaces}`)),
    ...Object.entries(onTables).map(([catalog, column]) => countAndNewest(catalog, `${column} IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${systemNamespaces})`)),
    ...whole.map((catalog) => countAndNewest(catalog)),
    // The reset makes public anew each time, so schemas count by name only.
    "(SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%')",
  ].join(",\n  ")}
) AS fingerprint`;

export async function clusterFingerprint(db: PGlite): Promise<string> {
  const { rows } = await db.query<{ fingerprint: string }>(fingerprintSql);
  return rows[0]?.fingerprint ?? "";
}
