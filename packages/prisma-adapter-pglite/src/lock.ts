/**
 * One lock per database: a transaction holds it from BEGIN to its end, and statements outside a
 * transaction wait until it is free, so a statement never lands inside somebody else's
 * transaction. Granted in request order.
 *
 * `isFree` is synchronous on purpose: a driver that runs statements synchronously (sql.js) can
 * check it and run its statement in the same tick, and nothing can begin in between.
 *
 * This file is the same in @lucia-prisma/adapter-sqljs and @lucia-prisma/adapter-pglite
 * (packages/driver-adapter-suite/test/same-files.test.ts keeps it so).
 */
export class Lock {
	#held = false;
	readonly #waiting: Array<() => void> = [];
	readonly #freeWatchers: Array<() => void> = [];

	/** True when nobody holds the lock and nobody waits for it. */
	get isFree(): boolean {
		return !this.#held && this.#waiting.length === 0;
	}

	/** Resolves with a release function once every earlier holder has released the lock. */
	acquire(): Promise<() => void> {
		return new Promise((resolve) => {
			const grant = () => {
				this.#held = true;
				resolve(this.#releaseOnce());
			};
			if (this.isFree) grant();
			else this.#waiting.push(grant);
		});
	}

	/** Runs `work` while holding the lock. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		const release = await this.acquire();
		try {
			return await work();
		} finally {
			release();
		}
	}

	/** Resolves the next time the lock is free; callers check `isFree` again afterwards. */
	whenFree(): Promise<void> {
		if (this.isFree) return Promise.resolve();
		return new Promise((resolve) => this.#freeWatchers.push(resolve));
	}

	#releaseOnce(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.#waiting.shift();
			if (next) {
				next();
				return;
			}
			this.#held = false;
			for (const watcher of this.#freeWatchers.splice(0)) watcher();
		};
	}
}

/** One lock per database object, even when several factories are given the same one. */
const locks = new WeakMap<object, Lock>();

export function lockOf(database: object): Lock {
	let lock = locks.get(database);
	if (lock === undefined) {
		lock = new Lock();
		locks.set(database, lock);
	}
	return lock;
}
