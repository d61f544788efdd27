export const packageManagers = ["npm", "pnpm", "yarn"] as const;
export type PackageManager = (typeof packageManagers)[number];

const add: Record<PackageManager, { prod: string; dev: string }> = {
  npm: { prod: "npm i", dev: "npm i -D" },
  pnpm: { prod: "pnpm add", dev: "pnpm add -D" },
  yarn: { prod: "yarn add", dev: "yarn add -D" },
};

/** The shell lines that install `packages` (and `devPackages` as dev dependencies) with one package manager. */
export function installCommand(manager: PackageManager, packages: readonly string[], devPackages: readonly string[] = []): string {
  const lines: string[] = [];
  if (packages.length > 0) lines.push(`${add[manager].prod} ${packages.join(" ")}`);
  if (devPackages.length > 0) lines.push(`${add[manager].dev} ${devPackages.join(" ")}`);
  return lines.join("\n");
}
