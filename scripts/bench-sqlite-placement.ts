/**
 * `npm run bench:sqlite-placement`: where the playground's SQLite should live. The default
 * preset's Prisma Client runs the same statements on a sql.js database (a) in its own thread, as
 * the code worker does, and (b) behind the driver adapter across a MessagePort, as PostgreSQL's
 * database worker is reached. Node's MessageChannel stays in one thread, so (b) is a lower bound
 * on what a hop to another worker costs in a browser. Prints, never asserts.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import initSqlJs from "sql.js";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { applyMigrationScript, createClient, loadSchemaCompiler, migrationScript, type RuntimePrismaClient } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import { PortAdapterFactory } from "../src/playground/remote-adapter/client.ts";
import { serveDriverAdapter } from "../src/playground/remote-adapter/server.ts";
import { presetFiles } from "../src/playground/presets.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 5);
const operations = 300;

const wasm = nodeWasmSource();
const compiled = (await loadSchemaCompiler(wasm)).compile(await readFile(join(root, presetFiles[0]!.schemaFile), "utf8"));
if (!compiled.ok) throw new Error(compiled.message);
const { schema } = compiled;
const SQL = await initSqlJs();
const script = await migrationScript(schema, new PrismaSqlJs(new SQL.Database()), wasm);

type Delegate = { create(args: object): Promise<unknown>; findUnique(args: object): Promise<unknown> };

/** Milliseconds for `operations` creates and reads of a user, on a fresh database behind `wrap`. */
async function time(wrap: (factory: SqlDriverAdapterFactory) => { factory: SqlDriverAdapterFactory; close(): void }): Promise<number> {
  const database = new SQL.Database();
  await applyMigrationScript(new PrismaSqlJs(database), script);
  const { factory, close } = wrap(new PrismaSqlJs(database));
  const client = createClient<RuntimePrismaClient>(schema, wasm, { adapter: factory });
  const user = client["user"] as Delegate;
  await user.findUnique({ where: { id: "warm" } });
  const started = performance.now();
  for (let index = 0; index < operations; index++) {
    await user.create({ data: { id: `u${index}` } });
    await user.findUnique({ where: { id: `u${index}` } });
  }
  const elapsed = performance.now() - started;
  await client.$disconnect();
  close();
  database.close();
  return elapsed;
}

const inThread = (factory: SqlDriverAdapterFactory) => ({ factory, close: () => {} });
const acrossPort = (factory: SqlDriverAdapterFactory) => {
  const { port1, port2 } = new MessageChannel();
  const served = serveDriverAdapter(port1, { factory: () => factory });
  return {
    factory: new PortAdapterFactory(port2, { provider: "sqlite", adapterName: factory.adapterName }),
    close: () => {
      void served.close();
      port2.close();
    },
  };
};

const figures = { inThread: [] as number[], acrossPort: [] as number[] };
for (let round = 0; round < rounds; round++) {
  figures.inThread.push(await time(inThread));
  figures.acrossPort.push(await time(acrossPort));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perOperation = (values: number[]) => ((median(values) / (operations * 2)) * 1000).toFixed(0);
console.log(`SQLite for the playground, ${operations} creates and ${operations} reads of a user, median of ${rounds}:`);
console.log(`  in the code worker's own thread:   ${median(figures.inThread).toFixed(0)} ms (${perOperation(figures.inThread)} µs a Prisma call)`);
console.log(`  across a MessagePort (lower bound): ${median(figures.acrossPort).toFixed(0)} ms (${perOperation(figures.acrossPort)} µs a Prisma call)`);
