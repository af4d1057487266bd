import { pathToFileURL } from "node:url";

/** Runs `main` when the file is the entry script (`tsx lib/db/x.ts`), with a one-line error on failure. */
export function runIfMain(url: string, main: () => Promise<void>): void {
  if (!process.argv[1] || url !== pathToFileURL(process.argv[1]).href) return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
