/**
 * The "Download project" button's work, loaded when it is pressed: the state's project files
 * (`project-files.ts`) zipped in the page with fflate, and handed to the browser as a download.
 */
import { strToU8, zipSync } from "fflate";
import { databasesOf } from "../database.ts";
import type { PlaygroundState } from "../presets.ts";
import { tarballUrl } from "../../utils/install-commands.ts";
import { projectFiles, projectName, type RecordedOutput } from "./project-files.ts";
import { projectVersions } from "./versions.ts";

export interface DownloadedProject {
  fileName: string;
  bytes: number;
}

export interface DownloadInput {
  state: PlaygroundState;
  preset: { id: string; title: string } | null;
  output: RecordedOutput | null;
  /** The site's base path (`import.meta.env.BASE_URL`), under which it serves the adapter's tarball. */
  base: string;
}

/** Zips the project of `input.state` and starts its download. */
export function downloadProject({ state, preset, output, base }: DownloadInput): DownloadedProject {
  const database = databasesOf(state.database)[0]!;
  const name = projectName(preset?.id ?? null, database);
  const adapter = { name: "@lucia-auth/adapter-prisma", version: projectVersions["@lucia-auth/adapter-prisma"] };
  const files = projectFiles({
    schema: state.schema,
    code: state.code,
    database,
    title: preset?.title ?? null,
    adapterTarball: tarballUrl(adapter, location.origin, base),
    output,
  });
  // A fixed date: the same state gives the same bytes.
  const zip = zipSync(Object.fromEntries(files.map((file) => [`${name}/${file.path}`, strToU8(file.text)])), { level: 9, mtime: new Date(2000, 0, 1) });
  const url = URL.createObjectURL(new Blob([zip], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.zip`;
  link.click();
  // The browser has taken the file by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName: link.download, bytes: zip.byteLength };
}
