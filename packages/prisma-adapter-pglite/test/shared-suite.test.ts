import { describeSharedSuite } from "@internal/driver-adapter-suite";
import { openPgClient, openPGliteClient, postgresServerUrl } from "./support/database.ts";

/**
 * The shared CRUD / relation / transaction / error suite, run through the same generated Prisma
 * Client on @prisma/adapter-pg (a real PostgreSQL server) and on this adapter; then every
 * outcome is compared. The scenarios spell out what PostgreSQL does differently from SQLite;
 * between these two adapters there is no known difference.
 */
if (postgresServerUrl() === undefined) {
	console.log("SKIPPED: the shared suite on PGlite vs @prisma/adapter-pg: DATABASE_URL_POSTGRES is not set and no server was started (npm test starts one when Debian's postgresql is installed)");
} else {
	describeSharedSuite({
		provider: "postgresql",
		reference: "pg",
		candidate: "pglite",
		openClient: (adapter) => {
			if (adapter === "pg") return openPgClient();
			if (adapter === "pglite") return openPGliteClient();
			throw new Error(`Not a PostgreSQL adapter: ${adapter}`);
		},
	});
}
