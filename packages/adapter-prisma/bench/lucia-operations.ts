import { lucia, type Adapter, type InitializeAdapter } from "lucia";

export type Auth = ReturnType<typeof createAuth>;

/** Lucia with a trivial password hash, so the figures measure the adapter and the database, not scrypt. */
export function createAuth(adapter: InitializeAdapter<Adapter>) {
	return lucia({
		adapter,
		env: "DEV",
		getUserAttributes: (row) => row,
		passwordHash: {
			generate: async (password: string) => `plain:${password}`,
			validate: async (password: string, hash: string) => hash === `plain:${password}`
		}
	});
}

/**
 * One Lucia operation: `prepare` makes the rows one run needs (not measured), `run` is the
 * operation itself. Ids are unique per call so that runs never collide.
 */
export interface LuciaOperation {
	readonly name: string;
	prepare(auth: Auth, id: string): Promise<unknown>;
	run(auth: Auth, input: unknown, id: string): Promise<unknown>;
}

const newUser = (auth: Auth, id: string) =>
	auth.createUser({ userId: id, key: { providerId: "username", providerUserId: id, password: "pw" }, attributes: {} as Lucia.DatabaseUserAttributes });
const newSession = (auth: Auth, userId: string) => auth.createSession({ userId, attributes: {} as Lucia.DatabaseSessionAttributes });

export const luciaOperations: readonly LuciaOperation[] = [
	{ name: "createUser", prepare: async () => null, run: (auth, _input, id) => newUser(auth, id) },
	{ name: "useKey", prepare: (auth, id) => newUser(auth, id), run: (auth, _input, id) => auth.useKey("username", id, "pw") },
	{ name: "createSession", prepare: (auth, id) => newUser(auth, id), run: (auth, _input, id) => newSession(auth, id) },
	{
		name: "validateSession",
		prepare: async (auth, id) => {
			await newUser(auth, id);
			return (await newSession(auth, id)).sessionId;
		},
		run: (auth, sessionId) => auth.validateSession(sessionId as string)
	},
	{
		name: "getAllUserSessions",
		prepare: async (auth, id) => {
			await newUser(auth, id);
			await newSession(auth, id);
			await newSession(auth, id);
		},
		run: (auth, _input, id) => auth.getAllUserSessions(id)
	},
	{
		name: "invalidateAllUserSessions",
		prepare: async (auth, id) => {
			await newUser(auth, id);
			await newSession(auth, id);
			await newSession(auth, id);
		},
		run: (auth, _input, id) => auth.invalidateAllUserSessions(id)
	},
	{
		name: "deleteUser",
		prepare: async (auth, id) => {
			await newUser(auth, id);
			await newSession(auth, id);
		},
		run: (auth, _input, id) => auth.deleteUser(id)
	}
];
