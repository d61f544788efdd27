/**
 * Which Lucia call and which adapter method are running, so that each SQL statement can be
 * labelled with the calls that caused it. Calls are wrapped where they are created (the Lucia
 * instance's methods, the adapter's methods); the innermost running call of each kind wins.
 * Concurrent calls (`Promise.all`) may be labelled with either of them.
 */
export class CallTracker {
  readonly #running = { lucia: [] as string[], adapter: [] as string[] };

  get luciaMethod(): string | null {
    return this.#running.lucia[0] ?? null;
  }

  get adapterMethod(): string | null {
    return this.#running.adapter.at(-1) ?? null;
  }

  /**
   * Replaces every function-valued own property of `target` with one that records its calls.
   * Lucia's outermost call is kept (validateSession calls getSession internally); the adapter's
   * innermost.
   */
  instrument<T extends object>(target: T, kind: "lucia" | "adapter", names?: readonly string[]): T {
    const stack = this.#running[kind];
    for (const name of names ?? Object.keys(target)) {
      const original = Reflect.get(target, name) as unknown;
      if (typeof original !== "function") continue;
      const wrapped = function (this: unknown, ...args: unknown[]): unknown {
        stack.push(name);
        let result: unknown;
        try {
          result = Reflect.apply(original, this, args);
        } catch (error) {
          remove(stack, name);
          throw error;
        }
        if (result instanceof Promise) {
          return result.finally(() => remove(stack, name));
        }
        remove(stack, name);
        return result;
      };
      Object.defineProperty(wrapped, "name", { value: name });
      Reflect.set(target, name, wrapped);
    }
    return target;
  }
}

function remove(stack: string[], name: string): void {
  const index = stack.lastIndexOf(name);
  if (index !== -1) stack.splice(index, 1);
}
