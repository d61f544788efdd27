import { describeAdapterSuite } from "./suite/adapter-suite.ts";
import { describeLuciaFlows } from "./suite/lucia-flows.ts";
import { targetsFor } from "./support/matrix.ts";
import { serverUrl } from "./support/targets.ts";

if (serverUrl("mysql") === undefined) {
	console.log("SKIPPED: adapter suite on MariaDB: DATABASE_URL_MYSQL is not set and no server was started (npm test starts one when Debian's mariadb-server is installed)");
} else {
	for (const spec of targetsFor("mysql")) {
		describeAdapterSuite(spec);
		describeLuciaFlows(spec);
	}
}
