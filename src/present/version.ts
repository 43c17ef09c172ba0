/** The tool's name and version as printed in reports; test/excel/report.test.ts keeps it equal to package.json. */
export const TOOL_NAME = "决算审核";
export const TOOL_VERSION = "0.1.0";
