/**
 * A lock with one holder at a time, granted in request order.
 *
 * `isFree` is synchronous on purpose: sql.js runs statements synchronously, so a caller that
 * checks `isFree` and runs its statement in the same tick cannot be overtaken by a transaction
 * that begins in between.
 */
export class Mutex {
	#locked = false;
	#waiting: Array<() => void> = [];
	#idleWatchers: Array<() => void> = [];

	/** True when nobody holds the lock and nobody waits for it. */
	get isFree(): boolean {
		return !this.#locked && this.#waiting.length === 0;
	}

	/** Resolves with a release function once every earlier request has been released. */
	acquire(): Promise<() => void> {
		return new Promise((resolve) => {
			const grant = () => {
				this.#locked = true;
				resolve(this.#releaseOnce());
			};
			if (this.isFree) grant();
			else this.#waiting.push(grant);
		});
	}

	/** Resolves the next time the lock is free; callers check `isFree` again afterwards. */
	whenFree(): Promise<void> {
		if (this.isFree) return Promise.resolve();
		return new Promise((resolve) => this.#idleWatchers.push(resolve));
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
			this.#locked = false;
			for (const watcher of this.#idleWatchers.splice(0)) watcher();
		};
	}
}
