/** The schema the database worker computes DDL for once the schema engine arrives, to warm it up. */
export const warmUpSchemaText = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Warm {\n  id Int @id\n}\n';
