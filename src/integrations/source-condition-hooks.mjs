// Node module hooks that resolve the workspace packages to their TypeScript sources (the
// "@lucia-prisma/source" export condition, see DEVELOPERS.md) in a process started without
// `--conditions`, e.g. `node node_modules/astro/astro.js build`. astro.config.mjs registers them.
const condition = "@lucia-prisma/source";

export async function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes(condition)) return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, condition] });
}
