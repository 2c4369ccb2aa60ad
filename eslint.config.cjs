const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

/*
 * The architecture's boundaries (docs/architecture.md), checked on every `npm run check`.
 * Import specifiers are relative, so each rule matches what a path climbs to: `../../adapters/…`
 * from anywhere below src/ leaves src/ for adapters/. test/boundaries.test.ts shows that a
 * violation of each rule fails the lint (CommonJS, so the test can load this file).
 */
const SDKS = { group: ["@slack/*", "@vector-im/*"], message: "Platform SDKs belong in adapters/." };
const NO_OUTER_LAYERS = {
  regex: "^(\\.\\./)+(adapters|commands)(/|$)",
  message:
    "src/ never imports adapters/ or commands/; only the composition root (src/app.ts, src/main.ts) does.",
};
const ONLY_API_OF_FEATURES = {
  regex: "^\\.\\./(?!core/|i18n/|schedule/)[^./]+/(?!api$)",
  message: "A feature uses another feature only through that feature's api.ts.",
};
const CORE_KNOWS_NO_FEATURE = {
  regex: "^(\\.\\./)+(?!core/|i18n|db/)[a-z-]+/",
  message: "The core and the schedule engine know no feature: features depend on them, not the other way.",
};
const COMMANDS_CALL_API = {
  regex: "^(\\.\\./)+src/(?!core/|i18n)[^/]+/(?!api$)",
  message: "A command parses, checks the permission and calls its feature's api.ts, nothing deeper.",
};
const ADAPTERS_TRANSLATE_ONLY = {
  regex: "^(\\.\\./)+(commands/|src/(?!core/|i18n)[^/]+/)",
  message: "Adapters translate between a platform and the core; they use no feature and no command.",
};

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const SQL = "^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH|CREATE|ALTER|DROP)\\s";
const SQL_MESSAGE = "SQL belongs in a *-repo.ts file or in db/.";

module.exports = tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", "dist/", "adapters/matrix/crypto-stub/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/**/*.ts"], rules: restrict(SDKS, NO_OUTER_LAYERS) },
  { files: ["src/app.ts", "src/main.ts"], rules: restrict(SDKS) },
  {
    files: ["src/core/**/*.ts", "src/schedule/**/*.ts"],
    rules: restrict(SDKS, NO_OUTER_LAYERS, CORE_KNOWS_NO_FEATURE),
  },
  {
    files: ["src/*/**/*.ts"],
    ignores: ["src/core/**", "src/schedule/**", "src/i18n/**"],
    rules: restrict(SDKS, NO_OUTER_LAYERS, ONLY_API_OF_FEATURES),
  },
  { files: ["commands/**/*.ts"], rules: restrict(SDKS, COMMANDS_CALL_API) },
  { files: ["adapters/**/*.ts"], rules: restrict(ADAPTERS_TRANSLATE_ONLY) },
  {
    files: ["src/**/*.ts", "commands/**/*.ts", "adapters/**/*.ts"],
    ignores: ["**/*-repo.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: SQL_MESSAGE },
        { selector: `Literal[value=/${SQL}/]`, message: SQL_MESSAGE },
        { selector: `TemplateElement[value.raw=/${SQL}/]`, message: SQL_MESSAGE },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
