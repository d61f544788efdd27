/**
 * Types read off the PrismaClient given to `prisma()`, so that editors complete
 * `modelNames` and `userRelationKey` from the user's own schema.
 */

/** Anything with Prisma's `$transaction`: a PrismaClient of Prisma 5, 6 or 7, extended or not. */
export interface PrismaClientLike {
	$transaction: (...args: never[]) => unknown;
}

/** A value that looks like a model delegate (`client.user`, `client.authSession`, …). */
interface DelegateLike {
	findUnique: (args: never) => unknown;
}

/** The client's model delegate names, e.g. `"authUser" | "authSession" | "authKey"`. */
export type ModelName<Client> = {
	[Name in keyof Client]: Name extends `$${string}` | `_${string}`
		? never
		: Client[Name] extends DelegateLike
			? Name
			: never;
}[keyof Client] &
	string;

type FindUniqueArgs<Delegate> = Delegate extends { findUnique: (args: infer Args) => unknown } ? Args : never;
type IncludeOf<Args> = Args extends { include?: infer Include } ? NonNullable<Include> : never;

/** Relation fields of one model (the keys its `include` accepts), e.g. `"user"`. */
export type RelationField<Client, Model extends keyof Client> = [IncludeOf<FindUniqueArgs<Client[Model]>>] extends [never]
	? string
	: Exclude<keyof IncludeOf<FindUniqueArgs<Client[Model]>>, "_count"> & string;

/** Options of the default mode: the schema's models are `User`, `Session` and `Key`. */
export interface DefaultModeOptions<Client extends PrismaClientLike> {
	/** Your PrismaClient instance. */
	client: Client;
	/** Use the model names of the reference schema: `user`, `session`, `key`, relation `user`. */
	mode: "default";
}

/** Options naming the models of your schema. */
export interface CustomModelOptions<Client extends PrismaClientLike, Session extends ModelName<Client>> {
	/** Your PrismaClient instance. */
	client: Client;
	/** The client's delegate names (camelCase of the schema's model names) for Lucia's three tables. */
	modelNames: {
		user: ModelName<Client>;
		key: ModelName<Client>;
		session: Session;
	};
	/** The relation field of the session model that points at the user model. */
	userRelationKey: RelationField<Client, Session>;
}

/** The second argument of the 3.0.x call form `prisma(client, modelNames)`. */
export interface LegacyModelNames<Client extends PrismaClientLike> {
	user: ModelName<Client>;
	key: ModelName<Client>;
	/** `null` when sessions are stored by another adapter. */
	session: ModelName<Client> | null;
}
