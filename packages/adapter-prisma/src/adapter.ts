import type { Adapter, KeySchema, LuciaErrorConstructor, SessionSchema, UserSchema } from "lucia";
import type { ModelInfo } from "./data-model.ts";
import { isDuplicateId, isForeignKeyFailure } from "./prisma-errors.ts";
import { toSessionSchema, withoutRelations, type PrismaRow } from "./rows.ts";

/** The slice of a Prisma model delegate the adapter calls. */
export interface ModelDelegate {
	findUnique(args: { where: { id: string }; include?: Record<string, true> }): PromiseLike<PrismaRow | null>;
	findMany(args: { where: PrismaRow }): PromiseLike<PrismaRow[]>;
	create(args: { data: PrismaRow; select: { id: true } }): PromiseLike<unknown>;
	createMany(args: { data: PrismaRow[] }): PromiseLike<{ count: number }>;
	updateMany(args: { where: { id: string }; data: PrismaRow }): PromiseLike<{ count: number }>;
	deleteMany(args: { where: PrismaRow }): PromiseLike<{ count: number }>;
}

/** The slice of a PrismaClient the adapter calls. */
export interface TransactionalClient {
	$transaction(operations: PromiseLike<unknown>[]): PromiseLike<unknown>;
}

export interface BoundModel {
	readonly info: ModelInfo;
	readonly delegate: ModelDelegate;
}

export interface AdapterModels {
	readonly user: BoundModel;
	readonly key: BoundModel;
	/**
	 * `null` when the 3.0.x form was given `session: null`, or `prisma(client)` a client without a
	 * `session` model: sessions are kept elsewhere.
	 */
	readonly session: BoundModel | null;
	/** The session → user relation field; without one, Lucia reads the user separately. */
	readonly userRelationKey: string | null;
	/**
	 * How one row is inserted. `create` selecting only the id is one `INSERT … RETURNING` and the
	 * fastest on SQLite and PostgreSQL; on MySQL, which has no RETURNING, Prisma wraps `create`
	 * in a transaction with a SELECT, while `createMany` is one plain INSERT.
	 */
	readonly insertWith: "create" | "createMany";
}

/**
 * The Lucia v2 adapter over already-checked models. Updates and deletes use `updateMany`/
 * `deleteMany`: one plain statement each on every database (no RETURNING, and on MySQL no
 * SELECT or transaction around it), and a missing row shows up as `count: 0` instead of
 * an exception.
 */
export function createLuciaAdapter(
	client: TransactionalClient,
	models: AdapterModels,
	LuciaError: LuciaErrorConstructor
): Adapter {
	const { user, key } = models;
	const insert = (model: BoundModel, data: PrismaRow): PromiseLike<unknown> =>
		models.insertWith === "create"
			? model.delegate.create({ data, select: { id: true } })
			: model.delegate.createMany({ data: [data] });

	const sessionModel = (): BoundModel => {
		if (models.session === null) {
			throw new Error(
				"This Prisma adapter stores no sessions: it was created with modelNames.session set to null, or as prisma(client) for a client with no session model. Give Lucia a session adapter of its own, lucia({ adapter: { user, session } }), or add the session model to the schema and name it."
			);
		}
		return models.session;
	};

	const userRow = (row: PrismaRow): UserSchema => withoutRelations(row, user.info.relationFields) as UserSchema;
	const keyRow = (row: PrismaRow): KeySchema => withoutRelations(row, key.info.relationFields) as KeySchema;
	const sessionRow = (row: PrismaRow): SessionSchema => toSessionSchema(row, sessionModel().info.relationFields);

	const insertKey = async (data: KeySchema): Promise<void> => {
		try {
			await insert(key, data);
		} catch (error) {
			if (isDuplicateId(error, key.info)) throw new LuciaError("AUTH_DUPLICATE_KEY_ID");
			if (isForeignKeyFailure(error, key.info)) throw new LuciaError("AUTH_INVALID_USER_ID");
			throw error;
		}
	};

	const updateById = async (
		model: BoundModel,
		id: string,
		data: PrismaRow,
		missing: "AUTH_INVALID_USER_ID" | "AUTH_INVALID_KEY_ID" | "AUTH_INVALID_SESSION_ID"
	): Promise<void> => {
		let count: number;
		if (Object.keys(data).length === 0) {
			// Prisma sends no UPDATE for empty data and reports count 0, so ask whether the row exists.
			if ((await model.delegate.findUnique({ where: { id } })) === null) throw new LuciaError(missing);
			return;
		}
		try {
			({ count } = await model.delegate.updateMany({ where: { id }, data }));
		} catch (error) {
			if (model !== user && isForeignKeyFailure(error, model.info)) throw new LuciaError("AUTH_INVALID_USER_ID");
			throw error;
		}
		if (count === 0) throw new LuciaError(missing);
	};

	const adapter: Adapter = {
		getUser: async (userId) => {
			const row = await user.delegate.findUnique({ where: { id: userId } });
			return row === null ? null : userRow(row);
		},
		setUser: async (userData, keyData) => {
			if (keyData === null) {
				await insert(user, userData);
				return;
			}
			try {
				// One transaction: when the key is refused, the user is rolled back with it.
				await client.$transaction([insert(user, userData), insert(key, keyData)]);
			} catch (error) {
				if (isDuplicateId(error, key.info)) throw new LuciaError("AUTH_DUPLICATE_KEY_ID");
				throw error;
			}
		},
		updateUser: (userId, partialUser) => updateById(user, userId, partialUser, "AUTH_INVALID_USER_ID"),
		deleteUser: async (userId) => {
			await user.delegate.deleteMany({ where: { id: userId } });
		},

		getKey: async (keyId) => {
			const row = await key.delegate.findUnique({ where: { id: keyId } });
			return row === null ? null : keyRow(row);
		},
		getKeysByUserId: async (userId) => {
			const rows = await key.delegate.findMany({ where: { user_id: userId } });
			return rows.map(keyRow);
		},
		setKey: insertKey,
		updateKey: (keyId, partialKey) => updateById(key, keyId, partialKey, "AUTH_INVALID_KEY_ID"),
		deleteKey: async (keyId) => {
			await key.delegate.deleteMany({ where: { id: keyId } });
		},
		deleteKeysByUserId: async (userId) => {
			await key.delegate.deleteMany({ where: { user_id: userId } });
		},

		getSession: async (sessionId) => {
			const row = await sessionModel().delegate.findUnique({ where: { id: sessionId } });
			return row === null ? null : sessionRow(row);
		},
		getSessionsByUserId: async (userId) => {
			const rows = await sessionModel().delegate.findMany({ where: { user_id: userId } });
			return rows.map(sessionRow);
		},
		setSession: async (sessionData) => {
			const session = sessionModel();
			try {
				await insert(session, sessionData);
			} catch (error) {
				if (isForeignKeyFailure(error, session.info)) throw new LuciaError("AUTH_INVALID_USER_ID");
				throw error;
			}
		},
		updateSession: (sessionId, partialSession) =>
			updateById(sessionModel(), sessionId, partialSession, "AUTH_INVALID_SESSION_ID"),
		deleteSession: async (sessionId) => {
			await sessionModel().delegate.deleteMany({ where: { id: sessionId } });
		},
		deleteSessionsByUserId: async (userId) => {
			await sessionModel().delegate.deleteMany({ where: { user_id: userId } });
		}
	};

	const relation = models.userRelationKey;
	if (models.session === null || relation === null) return adapter;
	const session = models.session;
	return {
		...adapter,
		// One Prisma call: the session and its user through the relation.
		getSessionAndUser: async (sessionId) => {
			const row = await session.delegate.findUnique({ where: { id: sessionId }, include: { [relation]: true } });
			if (row === null) return [null, null];
			const owner = row[relation];
			if (typeof owner !== "object" || owner === null) return [null, null];
			return [sessionRow(row), userRow(owner as PrismaRow)];
		}
	};
}
