/** The project's ESLint flat config, loaded by test/boundaries.test.ts. */
declare module "*eslint.config.cjs" {
  import type { Linter } from "eslint";
  const config: Linter.Config[];
  export = config;
}
