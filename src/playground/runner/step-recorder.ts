/**
 * The timeline's steps: as each outermost Lucia call settles, the tables are read (as the run's
 * own connection sees them) and sent with the call and the range of its statements. The first
 * `outputLimits.steps` calls are recorded, while their tables stay under `outputLimits.snapshotCells`
 * cells in all; later calls are only counted.
 */
import { outputLimits, type RunStep, type TableRows } from "../protocol.ts";
import type { SettledCall } from "./call-tracker.ts";

export class StepRecorder {
  readonly #readTables: () => TableRows[] | Promise<TableRows[]>;
  readonly #send: (step: RunStep) => void;
  readonly #statements = new Map<number, { first: number; last: number }>();
  #cells = 0;
  #recorded = 0;
  #full = false;
  #stopped = false;

  constructor(readTables: () => TableRows[] | Promise<TableRows[]>, send: (step: RunStep) => void) {
    this.#readTables = readTables;
    this.#send = send;
  }

  /** Statement `number` (1-based) was sent by outermost call `call`, if any. */
  statement(call: number | null, number: number): void {
    if (call === null || this.#full) return;
    const range = this.#statements.get(call);
    if (range === undefined) this.#statements.set(call, { first: number, last: number });
    else range.last = number;
  }

  /** The run's code has returned: nothing more is read. */
  stop(): void {
    this.#stopped = true;
  }

  async settled({ call, luciaMethod, outcome }: SettledCall): Promise<void> {
    const statements = this.#statements.get(call) ?? null;
    this.#statements.delete(call);
    if (this.#full || this.#stopped) return;
    if (this.#recorded >= outputLimits.steps) {
      this.#full = true;
      return;
    }
    // Counted before the read, so concurrent calls cannot overshoot the limit.
    this.#recorded += 1;
    let tables: TableRows[];
    try {
      tables = await this.#readTables();
    } catch {
      // The session has closed (the run ended meanwhile): no step.
      this.#recorded -= 1;
      return;
    }
    this.#cells += tables.reduce((sum, table) => sum + table.rows.length * Math.max(table.columns.length, 1), 0);
    if (this.#cells > outputLimits.snapshotCells || this.#stopped) {
      this.#full = this.#full || !this.#stopped;
      this.#recorded -= 1;
      return;
    }
    this.#send({ call, luciaMethod, outcome, statements, tables });
  }
}
