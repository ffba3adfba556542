import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", ".data/**", "playwright-report/**", "test-results/**", "scripts/db/schema-engine.mjs"] },
];

export default config;
