/**
 * Jest: ts-jest transpiles only (tsconfig isolatedModules: type checking is `npm run typecheck`, which `npm test`
 * runs first); engine and CLI tests run in node, pane tests opt into jsdom per file with a docblock.
 */
module.exports = {
  // node, with jsdom loaded first (see the file: PDF.js polyfills a global jsdom would then copy)
  testEnvironment: "<rootDir>/test/support/nodeEnvironment.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  reporters: ["default", "<rootDir>/test/support/countReporter.js"],
  testTimeout: 120000,
};
