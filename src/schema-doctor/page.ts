/**
 * The "Check your schema" page in the browser: the text goes to the worker as the reader types
 * (Prisma's schema wasm loads at the first edit or press of Check), the report replaces the
 * build's, Apply writes a fix into the text, Copy copies the call.
 */
import { applySchemaFix } from "@lucia-auth/adapter-prisma/schema-doctor";
import DoctorWorker from "./worker.ts?worker";
import { findingAt, renderReport, type DoctorReport, type DoctorResponse } from "./report.ts";

const root = document.querySelector<HTMLElement>("[data-schema-doctor]");
if (root !== null) start(root);

function start(root: HTMLElement): void {
  const input = root.querySelector<HTMLTextAreaElement>("textarea")!;
  const result = root.querySelector<HTMLElement>(".doctor-result")!;
  const status = root.querySelector<HTMLElement>(".doctor-status")!;
  const checkButton = root.querySelector<HTMLButtonElement>(".doctor-check")!;
  let report: DoctorReport | null = JSON.parse(root.dataset["report"] ?? "null") as DoctorReport | null;
  let reportText = input.value;
  let worker: Worker | undefined;
  let nextId = 1;
  let latest = 0;

  const check = () => {
    worker ??= startWorker();
    latest = nextId++;
    status.textContent = "Checking…";
    worker.postMessage({ id: latest, text: input.value });
    reportText = input.value;
  };
  function startWorker(): Worker {
    const created = new DoctorWorker();
    created.addEventListener("message", (event: MessageEvent<DoctorResponse>) => {
      const response = event.data;
      if (response.id !== latest) return;
      if ("failure" in response) {
        status.textContent = response.failure;
        return;
      }
      report = response.report;
      result.innerHTML = renderReport(report);
      status.textContent = report.kind === "rejected" ? "Checked: Prisma rejects it." : report.check.call === null ? "Checked: not usable yet." : "Checked: it fits.";
    });
    return created;
  }

  let pending: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(check, 300);
  });
  checkButton.addEventListener("click", check);
  result.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (target === null) return;
    if (target.classList.contains("doctor-copy")) {
      void navigator.clipboard.writeText(target.dataset["copy"] ?? "").then(() => (status.textContent = "Copied the call."));
      return;
    }
    const finding = report === null ? undefined : findingAt(report, Number(target.dataset["finding"]));
    if (finding?.fix == null || reportText !== input.value) return;
    input.value = applySchemaFix(input.value, finding.fix);
    input.focus();
    check();
  });
}
