/**
 * Which Lucia call and which adapter method are running, so that each SQL statement can be
 * labelled with the calls that caused it. Calls are wrapped where they are created (the Lucia
 * instance's methods, the adapter's methods); the innermost running adapter method wins, and the
 * outermost Lucia call (validateSession calls getSession internally: one call).
 *
 * Each outermost Lucia call is numbered, and `onSettled` hears when it resolves or rejects (the
 * timeline reads the tables then; the call's promise settles once that is done). Concurrent calls
 * (`Promise.all`) are each outermost; a statement is labelled with the oldest of them running.
 */
export interface SettledCall {
  call: number;
  luciaMethod: string;
  outcome: "ok" | "error";
}

export interface CallTrackerOptions {
  /**
   * Whether the stack of a Lucia call, made while another runs, shows the reader's code as its
   * direct caller: then it is a call of its own (concurrent), else Lucia calling itself.
   */
  calledByReader?(stack: string | undefined): boolean;
  onSettled?(call: SettledCall): void | Promise<void>;
}

interface RunningLuciaCall {
  name: string;
  /** Set on outermost calls only. */
  call: number | null;
}

export class CallTracker {
  readonly #options: CallTrackerOptions;
  readonly #lucia: RunningLuciaCall[] = [];
  readonly #adapter: string[] = [];
  #calls = 0;

  constructor(options: CallTrackerOptions = {}) {
    this.#options = options;
  }

  get luciaMethod(): string | null {
    return this.#outermost()?.name ?? null;
  }

  get adapterMethod(): string | null {
    return this.#adapter.at(-1) ?? null;
  }

  /** The number of the outermost Lucia call running (the oldest, when several are). */
  get luciaCall(): number | null {
    return this.#outermost()?.call ?? null;
  }

  /** How many outermost Lucia calls have begun. */
  get calls(): number {
    return this.#calls;
  }

  #outermost(): RunningLuciaCall | undefined {
    return this.#lucia.find((running) => running.call !== null);
  }

  /** Replaces every function-valued own property of `target` (or those named) with one that records its calls. */
  instrument<T extends object>(target: T, kind: "lucia" | "adapter", names?: readonly string[]): T {
    for (const name of names ?? Object.keys(target)) {
      const original = Reflect.get(target, name) as unknown;
      if (typeof original !== "function") continue;
      const wrapped = kind === "lucia" ? this.#wrapLucia(name, original) : this.#wrapAdapter(name, original);
      Object.defineProperty(wrapped, "name", { value: name });
      Reflect.set(target, name, wrapped);
    }
    return target;
  }

  #wrapAdapter(name: string, original: Function): (...args: unknown[]) => unknown {
    const stack = this.#adapter;
    return function (this: unknown, ...args: unknown[]): unknown {
      stack.push(name);
      let result: unknown;
      try {
        result = Reflect.apply(original, this, args);
      } catch (error) {
        remove(stack, name);
        throw error;
      }
      if (result instanceof Promise) return result.finally(() => remove(stack, name));
      remove(stack, name);
      return result;
    };
  }

  #wrapLucia(name: string, original: Function): (...args: unknown[]) => unknown {
    const tracker = this;
    return function (this: unknown, ...args: unknown[]): unknown {
      const outermost = tracker.#lucia.length === 0 || (tracker.#options.calledByReader?.(new Error().stack) ?? false);
      const running: RunningLuciaCall = { name, call: outermost ? ++tracker.#calls : null };
      tracker.#lucia.push(running);
      const leave = () => {
        const index = tracker.#lucia.indexOf(running);
        if (index !== -1) tracker.#lucia.splice(index, 1);
      };
      const settle = (outcome: SettledCall["outcome"]) => {
        leave();
        return running.call === null ? undefined : tracker.#options.onSettled?.({ call: running.call, luciaMethod: name, outcome });
      };
      let result: unknown;
      try {
        result = Reflect.apply(original, this, args);
      } catch (error) {
        void settle("error");
        throw error;
      }
      if (!(result instanceof Promise)) {
        void settle("ok");
        return result;
      }
      return result.then(
        async (value: unknown) => {
          await settle("ok");
          return value;
        },
        async (error: unknown) => {
          await settle("error");
          throw error;
        },
      );
    };
  }
}

function remove(stack: string[], name: string): void {
  const index = stack.lastIndexOf(name);
  if (index !== -1) stack.splice(index, 1);
}
