/**
 * A lock with one holder at a time, granted in request order. PGlite is one connection: the
 * adapter holds this lock for each statement outside a transaction and for the whole of a
 * transaction, so a statement never lands inside somebody else's transaction.
 */
export class Lock {
	#tail: Promise<void> = Promise.resolve();

	/** Resolves with a release function once every earlier holder has released the lock. */
	acquire(): Promise<() => void> {
		let release!: () => void;
		const released = new Promise<void>((resolve) => {
			release = resolve;
		});
		const granted = this.#tail.then(() => once(release));
		this.#tail = this.#tail.then(() => released);
		return granted;
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
}

function once(release: () => void): () => void {
	let done = false;
	return () => {
		if (done) return;
		done = true;
		release();
	};
}

/** One lock per PGlite instance, even when several factories are given the same one. */
const locks = new WeakMap<object, Lock>();

export function lockOf(database: object): Lock {
	let lock = locks.get(database);
	if (lock === undefined) {
		lock = new Lock();
		locks.set(database, lock);
	}
	return lock;
}
