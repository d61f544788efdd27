import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";
import { targetsFor } from "./support/matrix.ts";

for (const spec of targetsFor("sqlite")) {
	describeAdapterSuite(spec);
	describeLuciaFlows(spec);
}
