import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { generateAllClients } from "./generate-clients.ts";
import { exampleProjects, repoRoot } from "./projects.ts";

const tsc = join(repoRoot, "node_modules", ".bin", "tsc");

describe("the TypeScript snippets on the site", () => {
  before(() => generateAllClients());

  test("the tooling in examples/ (generation, capture scripts, these tests) type-checks", () => {
    const result = spawnSync(tsc, ["-p", join(repoRoot, "examples", "tsconfig.json")], { encoding: "utf8" });
    assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
  });

  for (const project of exampleProjects) {
    test(`${project.dir} type-checks against its generated client, lucia and the adapter`, () => {
      const result = spawnSync(tsc, ["-p", join(repoRoot, project.dir, "tsconfig.json")], { encoding: "utf8" });
      assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
    });
  }
});
