import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";

// The playground runs the adapter over sql.js in the browser, on a client built from the schema
// text at run time: the whole suite runs on sql.js with a generated client and with such a client.
for (const client of ["generated", "schema-text"] as const) {
	for (const schema of ["reference", "renamed"] as const) {
		describeAdapterSuite({ database: "sqlite", driver: "sqljs", prisma: 7, schema, client });
		describeLuciaFlows({ database: "sqlite", driver: "sqljs", prisma: 7, schema, client });
	}
}
