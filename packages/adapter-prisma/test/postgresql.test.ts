import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";
import { targetsFor } from "./support/matrix.ts";
import { serverUrl } from "./support/targets.ts";

if (serverUrl("postgresql") === undefined) {
	console.log("SKIPPED: adapter suite on PostgreSQL: DATABASE_URL_POSTGRES is not set and no server was started (npm test starts one when Debian's postgresql is installed)");
} else {
	for (const spec of targetsFor("postgresql")) {
		describeAdapterSuite(spec);
		describeLuciaFlows(spec);
	}
	// With relationJoins, getSessionAndUser is a single SELECT with a LATERAL join.
	describeAdapterSuite({ database: "postgresql", prisma: 7, schema: "reference", previewFeatures: ["relationJoins"] });
	describeAdapterSuite({ database: "postgresql", prisma: 7, schema: "renamed", previewFeatures: ["relationJoins"] });
}
