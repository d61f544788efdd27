import { fileURLToPath } from "node:url";

/** The committed capture the documentation renders. */
export const statementsFile = fileURLToPath(new URL("../../../content/data/statements.json", import.meta.url));
