import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { applyDdl, ddlFromSchema, generateClient, importForPrisma, type PrismaMajor } from "../src/index.ts";
import { adapterPrismaDir } from "../src/paths.ts";

const referenceSqlite = join(adapterPrismaDir, "schemas", "reference.sqlite.prisma");

interface Row {
  [column: string]: unknown;
}
interface Delegate {
  create(args: { data: Row }): Promise<Row>;
  findUnique(args: { where: Row; include?: Row }): Promise<Row | null>;
  delete(args: { where: Row }): Promise<Row>;
  count(): Promise<number>;
}
interface ReferenceClient {
  user: Delegate;
  session: Delegate;
  $disconnect(): Promise<void>;
}
type ClientModule = { PrismaClient: new (options: { adapter: unknown }) => ReferenceClient };
type AdapterConstructor = new (options: { url: string }) => unknown;

/** The better-sqlite3 adapter of the same Prisma major; its class name changed case in 7. */
async function sqliteAdapter(prisma: PrismaMajor, file: string): Promise<unknown> {
  const module = await importForPrisma<Record<string, AdapterConstructor>>(prisma, "@prisma/adapter-better-sqlite3");
  const Adapter = module[prisma === 7 ? "PrismaBetterSqlite3" : "PrismaBetterSQLite3"];
  assert.ok(Adapter, "driver adapter class found");
  return new Adapter({ url: `file:${file}` });
}

describe("generateClient", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), "kit-generate-"));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  for (const prisma of [7, 6] as const) {
    test(`Prisma ${prisma}: the generated PrismaClient works over better-sqlite3 on the reference schema`, async () => {
      const generated = await generateClient({ schemaPath: referenceSqlite, prisma, name: "kit-reference-sqlite" });
      assert.equal(generated.provider, "sqlite");
      assert.equal(generated.entry, join(generated.dir, prisma === 7 ? "client.ts" : "index.js"));
      if (prisma === 6) assert.match(generated.dir, /packages\/prisma6-clients\/\.generated\/p6-kit-reference-sqlite$/);

      const file = join(work, `p${prisma}.db`);
      await applyDdl(`file:${file}`, await ddlFromSchema(referenceSqlite, "sqlite"));
      const { PrismaClient } = (await import(pathToFileURL(generated.entry).href)) as ClientModule;
      const client = new PrismaClient({ adapter: await sqliteAdapter(prisma, file) });
      try {
        await client.user.create({ data: { id: "u1" } });
        const expires = 2n ** 53n + 1n;
        await client.session.create({ data: { id: "s1", user_id: "u1", active_expires: expires, idle_expires: expires } });
        const session = await client.session.findUnique({ where: { id: "s1" }, include: { user: true } });
        assert.deepEqual(session, { id: "s1", user_id: "u1", active_expires: expires, idle_expires: expires, user: { id: "u1" } });
        await client.user.delete({ where: { id: "u1" } });
        assert.equal(await client.session.count(), 0, "sessions cascade with their user");
      } finally {
        await client.$disconnect();
      }
    });
  }

  test("a second call with an unchanged schema reuses the output without running the CLI", async () => {
    const first = await generateClient({ schemaPath: referenceSqlite, prisma: 7, name: "kit-reference-sqlite" });
    const before = await stat(join(first.dir, "client.ts"));
    const started = performance.now();
    const second = await generateClient({ schemaPath: referenceSqlite, prisma: 7, name: "kit-reference-sqlite" });
    const elapsed = performance.now() - started;
    assert.deepEqual(second, first);
    assert.equal((await stat(join(second.dir, "client.ts"))).mtimeMs, before.mtimeMs);
    assert.ok(elapsed < 250, `cached call took ${elapsed} ms`);
  });

  test("callers asking for the same new client at once all get one complete client", async () => {
    const name = "kit-concurrent";
    const { dir } = await generateClient({ schemaPath: referenceSqlite, prisma: 7, name });
    await rm(dir, { recursive: true, force: true });

    const results = await Promise.all(
      [1, 2, 3].map(() => generateClient({ schemaPath: referenceSqlite, prisma: 7, name, previewFeatures: [] })),
    );
    assert.ok(results.every((r) => r.dir === dir));
    const { PrismaClient } = (await import(pathToFileURL(results[0]?.entry ?? "").href)) as ClientModule;
    assert.equal(typeof PrismaClient, "function");
    const leftovers = (await readdir(dirname(dir))).filter((entry) => entry.includes(name) && entry !== `p7-${name}`);
    assert.deepEqual(leftovers, []);
  });

  test("a schema the CLI rejects fails with the CLI's message", async () => {
    const bad = join(work, "bad.prisma");
    await writeFile(bad, `datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id String @id\n  broken Nope\n}\n`);
    await assert.rejects(
      generateClient({ schemaPath: bad, prisma: 7, name: "kit-bad" }),
      (error: Error) => /prisma generate \(7\.\d+\.\d+\) failed/.test(error.message) && /Nope/.test(error.message),
    );
  });
});
