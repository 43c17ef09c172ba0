/**
 * Jest: ts-jest transpiles only (tsconfig isolatedModules: type checking is `npm run typecheck`, which `npm test`
 * runs first); engine and CLI tests run in node, pane tests opt into jsdom per file with a docblock.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  reporters: ["default", "<rootDir>/test/support/countReporter.js"],
  testTimeout: 120000,
};
