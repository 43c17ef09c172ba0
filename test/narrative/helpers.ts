import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { snapshotFromSheetJS } from "../../src/io/sheetjsSnapshot";
import { WorkbookSnapshot, Finding } from "../../src/engine/types";

export const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "examples", "2024-sanmenxia-xzsp.xlsx");
export const SAMPLE_TXT = path.join(ROOT, "examples", "2024-sanmenxia-xzsp-final-accounts.txt");

export function loadSample(): WorkbookSnapshot {
  const wb = XLSX.read(fs.readFileSync(SAMPLE), { cellNF: true });
  return snapshotFromSheetJS(wb, "2024-sanmenxia-xzsp.xlsx");
}

export function sampleText(): string {
  return fs.readFileSync(SAMPLE_TXT, "utf8");
}

export function isNarrative(f: Finding): boolean {
  return f.table === "情况说明" || f.table === "绩效";
}

/** rule, severity, sheet!cell, actual, expected */
export function sig(f: Finding): string {
  return [f.rule, f.severity, f.sheet + "!" + f.cell, f.actual, f.expected].join(" | ");
}
