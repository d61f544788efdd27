/** The Diagram section under the schema: the doctor's latest report drawn (schema-diagram.ts). */
import type { DoctorReport } from "../schema-doctor.ts";
import { layoutSchemaDiagram, schemaDiagramSvg } from "../schema-diagram.ts";

export class DiagramPane {
  readonly #status: HTMLElement;
  readonly #figure: HTMLElement;
  #drawn = false;

  constructor(status: HTMLElement, figure: HTMLElement) {
    this.#status = status;
    this.#figure = figure;
  }

  show(report: DoctorReport): void {
    if (report.datamodel === null) {
      // The last diagram stays, marked as out of date, so an edit in progress does not blank it.
      this.#figure.toggleAttribute("data-stale", this.#drawn);
      this.#status.textContent = this.#drawn
        ? "Out of date: Prisma rejects the schema as it is now (its errors are marked in the editor). This is the last schema it accepted."
        : "Prisma rejects this schema, so there is nothing to draw; its errors are marked in the editor.";
      return;
    }
    this.#figure.innerHTML = schemaDiagramSvg(layoutSchemaDiagram(report.datamodel, report.check));
    this.#figure.removeAttribute("data-stale");
    // Which database the drawn check was for (the schema's provider differs).
    this.#figure.dataset["database"] = report.database;
    this.#drawn = true;
    this.#status.textContent = "Models, their fields and relations; Lucia's models are marked with their role.";
  }
}
