import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  { ignores: [".next/**", "lib/generated/**", ".data/**", ".data-*/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
