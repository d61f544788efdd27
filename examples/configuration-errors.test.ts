import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { captureConfigurationErrors, configurationErrorsFile, type ConfigurationErrorCase } from "./configuration-errors.ts";
import { generateClient } from "./generate-clients.ts";
import { exampleProjects } from "./projects.ts";

before(() => generateClient(exampleProjects.find((project) => project.dir === "examples/renamed")!));

test("the configuration errors on the errors page are the ones prisma() throws today", async () => {
  const shown = JSON.parse(readFileSync(configurationErrorsFile, "utf8")) as ConfigurationErrorCase[];
  const actual = await captureConfigurationErrors();
  assert.deepEqual(
    shown,
    actual,
    "content/data/configuration-errors.json is out of date: run `node --import tsx examples/configuration-errors.ts`",
  );
});
