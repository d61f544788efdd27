declare module "virtual:precompiled-reference" {
  import type { CompiledSchema } from "../src/index.ts";
  const precompiled: { schema: CompiledSchema; migrationScript: string };
  export default precompiled;
}
