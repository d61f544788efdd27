import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { commitDateOf, newestCommitDates } from "../utils/git-dates.ts";

const repoRoot = process.cwd();
let dates: Map<string, Date> | undefined;

/** Fills in "Last updated" for pages in content/docs from their newest commit. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const filePath = route.entry.filePath;
  if (route.lastUpdated || !filePath || route.entry.data.lastUpdated === false) return;
  dates ??= newestCommitDates(repoRoot, "content/docs");
  route.lastUpdated = commitDateOf(dates, repoRoot, filePath);
});
