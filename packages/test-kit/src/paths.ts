import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Absolute path of the repository root (this file lives in packages/test-kit/src). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const adapterPrismaDir = join(repoRoot, "packages", "adapter-prisma");

/** The workspace whose node_modules resolution yields Prisma 6.19.3 (moved out of adapter-prisma by the lead: nested there, it shadowed Prisma 7). */
export const prisma6WorkspaceDir = join(repoRoot, "packages", "prisma6-clients");

export const prisma7GeneratedRoot = join(adapterPrismaDir, "test", ".generated");

export const prisma6GeneratedRoot = join(prisma6WorkspaceDir, ".generated");
