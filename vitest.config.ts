import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
      "@": import.meta.dirname,
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // The logger's lines (requests, security events) would drown the report.
    env: { LOG_LEVEL: "silent" },
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; bundled by Vite it resolves.
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["tests/helpers/postgres-server.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files in parallel would fight over them and over the PostgreSQL server.
    fileParallelism: false,
  },
});
