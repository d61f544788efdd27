import { openClient } from "./support/database.ts";
import { describeSharedSuite } from "@internal/driver-adapter-suite";

/**
 * The shared CRUD / relation / transaction / error suite, run through the same generated Prisma
 * Client on @prisma/adapter-better-sqlite3 and on this adapter; then every outcome is compared.
 */
describeSharedSuite({
	provider: "sqlite",
	reference: "better-sqlite3",
	candidate: "sql.js",
	openClient: (adapter) => {
		if (adapter !== "better-sqlite3" && adapter !== "sql.js") throw new Error(`Not a SQLite adapter: ${adapter}`);
		return openClient(adapter);
	},
});
