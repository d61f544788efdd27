import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";

// The playground's PostgreSQL runs in the browser on PGlite: the whole suite and the Lucia flows
// run on it, for both schemas, with and without relationJoins (one SELECT per validateSession),
// with a generated client, and with a client built from the schema text as the playground builds
// it (with relationJoins, as its PostgreSQL preset shows).
for (const previewFeatures of [[], ["relationJoins"]]) {
	for (const schema of ["reference", "renamed"] as const) {
		const spec = { database: "postgresql", driver: "pglite", prisma: 7, schema, previewFeatures } as const;
		describeAdapterSuite(spec);
		describeLuciaFlows(spec);
	}
}
for (const schema of ["reference", "renamed"] as const) {
	const spec = { database: "postgresql", driver: "pglite", prisma: 7, schema, previewFeatures: ["relationJoins"], client: "schema-text" } as const;
	describeAdapterSuite(spec);
	describeLuciaFlows(spec);
}
