import type { PrismaMajor } from "@internal/test-kit";
import type { DatabaseKind, SchemaVariant, TargetSpec } from "./targets.ts";

const prismaVersions: readonly PrismaMajor[] = [7, 6];
const schemas: readonly SchemaVariant[] = ["reference", "renamed"];

/** Every Prisma version × schema combination for one database. */
export function targetsFor(database: DatabaseKind): TargetSpec[] {
	return prismaVersions.flatMap((prisma) => schemas.map((schema) => ({ database, prisma, schema })));
}
