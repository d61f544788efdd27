import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";

// The playground's PostgreSQL runs in the browser on PGlite: the whole suite and the Lucia flows
// run on it, for both schemas, with and without relationJoins (one SELECT per validateSession).
for (const previewFeatures of [[], ["relationJoins"]]) {
	for (const schema of ["reference", "renamed"] as const) {
		const spec = { database: "postgresql", driver: "pglite", prisma: 7, schema, previewFeatures } as const;
		describeAdapterSuite(spec);
		describeLuciaFlows(spec);
	}
}
