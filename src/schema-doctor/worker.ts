/**
 * The "Check your schema" page's worker: Prisma's schema wasm validates the text and reads its
 * data model, and the adapter's own `checkSchema` judges it. Nothing leaves the browser.
 */
import { loadSchemaCompiler, type SchemaCompiler } from "@lucia-prisma/client-from-schema";
import { browserWasmSource } from "@lucia-prisma/client-from-schema/browser";
import { reportOf, type DoctorRequest, type DoctorResponse } from "./report.ts";

const compiler: Promise<SchemaCompiler> = loadSchemaCompiler(browserWasmSource());

self.addEventListener("message", async (event: MessageEvent<DoctorRequest>) => {
  const { id, text } = event.data;
  let response: DoctorResponse;
  try {
    response = { id, report: reportOf(text, (await compiler).compile(text)) };
  } catch (error) {
    response = { id, failure: `Prisma's schema tools failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  self.postMessage(response);
});
