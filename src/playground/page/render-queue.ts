/**
 * Work for the page's panes, done a frame at a time: each frame runs queued tasks for at most
 * `budgetMs`, then lets the browser paint and answer input, so a flood of output never freezes
 * the page. A hidden page (no frames) is served by a timer instead.
 */
export class RenderQueue {
  readonly #tasks: (() => void)[] = [];
  readonly #budgetMs: number;
  #scheduled = false;

  constructor(budgetMs = 8) {
    this.#budgetMs = budgetMs;
  }

  push(task: () => void): void {
    this.#tasks.push(task);
    this.#schedule();
  }

  /** Drops what has not run yet (a new run clears the panes). */
  clear(): void {
    this.#tasks.length = 0;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    let ran = false;
    const work = () => {
      if (ran) return;
      ran = true;
      this.#scheduled = false;
      const until = performance.now() + this.#budgetMs;
      let done = 0;
      while (done < this.#tasks.length && performance.now() < until) this.#tasks[done++]!();
      this.#tasks.splice(0, done);
      if (this.#tasks.length > 0) this.#schedule();
    };
    requestAnimationFrame(work);
    if (document.hidden) setTimeout(work, 50);
  }
}
