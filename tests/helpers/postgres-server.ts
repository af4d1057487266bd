/**
 * Vitest global setup: a throwaway PostgreSQL server for the tests that run against a real one.
 * Uses TEST_DATABASE_URL when given (an existing server whose role may create databases).
 */
import type { TestProject } from "vitest/node";
import { startTempPostgres } from "./temp-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("postgresUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const server = await startTempPostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
