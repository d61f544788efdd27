/**
 * Every preset and docs example type-checks with exactly the types the code editor uses (lucia's
 * declarations, the adapter's sources, the client types of its own schema), so a reader sees no
 * squiggle that is not a real mistake, and the deliberate mistake shows as one.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import ts from "typescript";
import { precompile, typeLibs, type Precompiled, type TypeLib } from "../build/precompile-plugin.ts";
import { compileKey, databasesOf, withBrowserProvider } from "../database.ts";
import type { PlaygroundState } from "../presets.ts";
import { clientTypesPath, codeCompilerOptions, environmentTypes, environmentTypesPath, packageManifests, prismaClientModule } from "../editor-types.ts";

let precompiled: Precompiled;
let libs: TypeLib[];

before(async () => {
  [precompiled, libs] = await Promise.all([precompile(), typeLibs()]);
});

/** The client types the code editor has for a state: those of its schema on its (first) database. */
function clientTypesOf(state: PlaygroundState): string {
  const database = databasesOf(state.database)[0]!;
  return precompiled.schemas[compileKey(database, withBrowserProvider(state.schema, database))]!.schema.clientTypes;
}

/** TypeScript's diagnostics for the reader's file, with the editor's files in memory. */
function diagnosticsOf(code: string, clientTypes: string): string[] {
  const files = new Map<string, string>([
    ...[...libs, ...packageManifests].map((lib): [string, string] => [`/${lib.path}`, lib.content]),
    [`/${environmentTypesPath}`, environmentTypes],
    [`/${clientTypesPath}`, prismaClientModule(clientTypes)],
    ["/playground.ts", code],
  ]);
  const options = ts.convertCompilerOptionsFromJson(
    { ...codeCompilerOptions, target: "esnext", module: "esnext", moduleResolution: "node10", lib: ["es2022", "webworker"] },
    "/",
  ).options;
  const defaultHost = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...defaultHost,
    getCurrentDirectory: () => "/",
    fileExists: (path) => files.has(path) || (path.startsWith(defaultHost.getDefaultLibLocation!()) && defaultHost.fileExists(path)),
    readFile: (path) => files.get(path) ?? defaultHost.readFile(path),
    getSourceFile: (path, language) => {
      const text = files.get(path) ?? (path.startsWith(defaultHost.getDefaultLibLocation!()) ? defaultHost.readFile(path) : undefined);
      return text === undefined ? undefined : ts.createSourceFile(path, text, language);
    },
    directoryExists: (path) => [...files.keys()].some((file) => file.startsWith(`${path.replace(/\/$/, "")}/`)),
    getDirectories: () => [],
  };
  const program = ts.createProgram(["/playground.ts", `/${environmentTypesPath}`], options, host);
  const source = program.getSourceFile("/playground.ts");
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
    const line = diagnostic.start === undefined ? 0 : ts.getLineAndCharacterOfPosition(diagnostic.file!, diagnostic.start).line + 1;
    return `line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

describe("the code editor's types", () => {
  test("every preset type-checks against its own schema's client, except the wrong model name, which is flagged", () => {
    for (const preset of precompiled.presets) {
      const diagnostics = diagnosticsOf(preset.code, clientTypesOf(preset));
      if (preset.id === "wrong-model-name") {
        assert.equal(diagnostics.length, 1, diagnostics.join("\n"));
        assert.match(diagnostics[0]!, /"users"/);
      } else {
        assert.deepEqual(diagnostics, [], `${preset.id}:\n${diagnostics.join("\n")}`);
      }
    }
  });

  test("every docs example type-checks as the playground opens it", () => {
    for (const [source, example] of Object.entries(precompiled.examples)) {
      const diagnostics = diagnosticsOf(example.code, clientTypesOf(example));
      assert.deepEqual(diagnostics, [], `${source}:\n${diagnostics.join("\n")}`);
    }
  });

  test("modelNames take the delegates of the schema in the other editor", () => {
    const renamed = precompiled.presets.find((preset) => preset.id === "custom-model-names")!;
    const clientTypes = clientTypesOf(renamed);
    assert.deepEqual(diagnosticsOf(renamed.code, clientTypes), []);
    const withDefaultNames = renamed.code.replace('user: "authUser"', 'user: "user"');
    assert.match(diagnosticsOf(withDefaultNames, clientTypes).join("\n"), /"user"/);
  });
});
