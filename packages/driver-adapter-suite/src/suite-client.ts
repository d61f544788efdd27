/**
 * The slice of the generated client's API the tests use. The client is generated at test time
 * (it is not in the repository), so its own types are not available to the type checker.
 */
export type Row = Record<string, unknown>;
export type Args = Record<string, unknown>;

export interface Delegate {
	create(args: Args): Promise<Row>;
	createMany(args: Args): Promise<{ count: number }>;
	createManyAndReturn(args: Args): Promise<Row[]>;
	findUnique(args: Args): Promise<Row | null>;
	findFirst(args?: Args): Promise<Row | null>;
	findMany(args?: Args): Promise<Row[]>;
	update(args: Args): Promise<Row>;
	updateMany(args: Args): Promise<{ count: number }>;
	upsert(args: Args): Promise<Row>;
	delete(args: Args): Promise<Row>;
	deleteMany(args?: Args): Promise<{ count: number }>;
	count(args?: Args): Promise<number>;
	aggregate(args: Args): Promise<Row>;
	groupBy(args: Args): Promise<Row[]>;
}

export interface SuiteClient {
	author: Delegate;
	post: Delegate;
	comment: Delegate;
	note: Delegate;
	ghost: Delegate;
	phantom: Delegate;
	$transaction<T>(run: (tx: SuiteClient) => Promise<T>, options?: Args): Promise<T>;
	$transaction(operations: PromiseLike<unknown>[], options?: Args): Promise<unknown[]>;
	$queryRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;
	$executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
	$disconnect(): Promise<void>;
}

export interface GeneratedModule {
	PrismaClient: new (options: { adapter: object }) => SuiteClient;
	Prisma: { Decimal: new (value: string | number) => object };
}
