/**
 * What the "Check your schema" page shows for a schema text, as data (made in the worker, or at
 * build time for the example) and as HTML (the same function in both places).
 */
import type { CompileResult } from "@lucia-prisma/client-from-schema";
import { checkSchema, formatCallOptions, locateInSchema, type SchemaCheck, type SchemaEdit, type SchemaFinding } from "@lucia-auth/adapter-prisma/schema-doctor";

export interface DoctorRequest {
  id: number;
  text: string;
}

export type DoctorResponse = { id: number; report: DoctorReport } | { id: number; failure: string };

export type DoctorReport =
  | { kind: "rejected"; message: string; diagnostics: { line: number; message: string }[] }
  | { kind: "checked"; check: SchemaCheck; lines: (number | null)[] };

export function reportOf(text: string, result: CompileResult): DoctorReport {
  if (!result.ok) {
    return { kind: "rejected", message: result.message, diagnostics: result.diagnostics.map((diagnostic) => ({ line: diagnostic.line, message: diagnostic.message })) };
  }
  const check = checkSchema(result.schema.datamodel, { provider: result.schema.provider });
  return { kind: "checked", check, lines: check.findings.map((finding) => locateInSchema(text, finding.model, finding.field)?.line ?? null) };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[character]!);
const severityLabel = { error: "Problem", warning: "Warning", info: "Note" } as const;

/** The call's source text, as a reader would paste it. */
export function callText(check: SchemaCheck): string | null {
  return check.call === null ? null : `prisma({ client, ${formatCallOptions(check.call)} })`;
}

export function renderReport(report: DoctorReport): string {
  if (report.kind === "rejected") {
    const lines = report.diagnostics.map((diagnostic) => `<li>Line ${diagnostic.line}: ${escape(diagnostic.message)}</li>`).join("");
    return `<p class="doctor-verdict" data-verdict="rejected">Prisma rejects this schema, so there is nothing to check for Lucia yet.</p>${
      lines === "" ? `<pre class="doctor-prisma">${escape(report.message)}</pre>` : `<ul class="doctor-prisma">${lines}</ul>`
    }`;
  }
  const { check } = report;
  const call = callText(check);
  const verdict =
    call === null
      ? `<p class="doctor-verdict" data-verdict="unfit">No call fits yet: the adapter cannot use this schema until the problems below are fixed.</p>`
      : `<p class="doctor-verdict" data-verdict="fits">This schema works with the adapter. Pass:</p><div class="doctor-call"><pre><code>${escape(call)}</code></pre><button type="button" class="doctor-copy" data-copy="${escape(call)}">Copy the call</button></div>`;
  const findings = check.findings
    .map((finding, index) => {
      const where = [finding.model === null ? "the schema" : finding.field === null ? `model ${finding.model}` : `${finding.model}.${finding.field}`, report.lines[index] == null ? "" : ` (line ${report.lines[index]})`].join("");
      const fix =
        finding.fix === null
          ? ""
          : `<p class="doctor-fix"><strong>Fix:</strong> ${escape(finding.fix.title)}</p><ul class="doctor-edits">${finding.fix.edits.map((edit) => `<li>${describeEdit(edit)}</li>`).join("")}</ul><button type="button" class="doctor-apply" data-finding="${index}">Apply: ${escape(finding.fix.title)}</button>`;
      return `<li class="doctor-finding" data-severity="${finding.severity}"><p><strong>${severityLabel[finding.severity]}</strong> in ${escape(where)}</p><p>${escape(finding.message)}</p>${fix}</li>`;
    })
    .join("");
  return `${verdict}${check.findings.length === 0 ? `<p>Nothing else to say: the schema matches what Lucia reads and writes.</p>` : `<h3 class="doctor-findings-title">Findings</h3><ol class="doctor-findings">${findings}</ol>`}`;
}

function describeEdit(edit: SchemaEdit): string {
  const code = (text: string) => `<code>${escape(text)}</code>`;
  switch (edit.kind) {
    case "add-model":
      return `Add:<pre><code>${escape(edit.text)}</code></pre>`;
    case "add-field":
      return `In model ${escape(edit.model)}, add ${code(edit.text)}`;
    case "set-type":
      return `In model ${escape(edit.model)}, make ${code(edit.field)} ${code(edit.type)}`;
    case "remove-attribute":
      return `In model ${escape(edit.model)}, remove ${code(`@${edit.attribute}(…)`)} from ${code(edit.field)}`;
    case "set-relation-argument":
      return `In model ${escape(edit.model)}, give ${code(edit.field)}'s ${code("@relation")} ${code(`${edit.argument}: ${edit.value}`)}`;
    case "rename-field":
      return `In model ${escape(edit.model)}, rename ${code(edit.field)} to ${code(edit.to)}`;
  }
}

/** The finding an Apply button stands for. */
export function findingAt(report: DoctorReport, index: number): SchemaFinding | undefined {
  return report.kind === "checked" ? report.check.findings[index] : undefined;
}
