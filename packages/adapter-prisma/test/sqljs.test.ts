import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";

// The playground runs the adapter over sql.js in the browser: the whole suite runs on it too.
for (const schema of ["reference", "renamed"] as const) {
	describeAdapterSuite({ database: "sqlite", driver: "sqljs", prisma: 7, schema });
	describeLuciaFlows({ database: "sqlite", driver: "sqljs", prisma: 7, schema });
}
