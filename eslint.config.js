// Lints the project's own code with type information: typescript-eslint's strictest presets.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "coverage/", "fixtures/", "bench/out/", ".tools/"] },
  {
    files: ["**/*.{ts,mts,js,mjs}"],
    linterOptions: { reportUnusedDisableDirectives: "error" },
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: {
          // The scripts and benchmarks in plain JavaScript (about 20 small files) are outside tsconfig.json's program.
          allowDefaultProject: ["eslint.config.js", "scripts/*.mjs", "bench/*.mjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The house style: T[] for simple element types, Array<...> for unions and object literals.
      "@typescript-eslint/array-type": ["error", { default: "array-simple" }],
      // `||` on a string says that an empty one counts as absent (an unset variable, an empty capture).
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignorePrimitives: { string: true } }],
      // Counts and line numbers read naturally in messages.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@actions/core(/|$)", message: "Only src/action.ts and src/action/ talk to the GitHub Actions runtime." }] },
      ],
    },
  },
  {
    files: ["src/action.ts", "src/action/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["rules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^[^.]", message: "A rule imports only ../engine/api.js: no npm package, no Node built-in." }] },
      ],
    },
  },
);
