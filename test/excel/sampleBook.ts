/** The bundled sample workbook as a fake Excel book, plus helpers shared by the adapter tests. */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { WorkbookSnapshot } from "../../src/engine/types";
import { toA1 } from "../../src/present/address";
import { snapshotFromSheetJS } from "../../src/io/sheetjsSnapshot";
import { FakeBook, FakeCell, FakeSheet } from "./fakeExcel";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "2024-sanmenxia-xzsp.xlsx");

export function sampleSnapshot(): WorkbookSnapshot {
  // Uint8Array + type "array": works under jsdom, where Buffer detection does not.
  const wb = XLSX.read(new Uint8Array(fs.readFileSync(SAMPLE)), { type: "array", cellNF: true, cellFormula: true, cellDates: false, bookFiles: true });
  return snapshotFromSheetJS(wb, "sample");
}

/** A fake Excel book holding exactly what a snapshot describes (values, displayed text, formats, merges). */
export function bookFromSnapshot(snap: WorkbookSnapshot): FakeBook {
  const sheets: FakeSheet[] = snap.sheets.map((s, i) => {
    const cells: { [a1: string]: FakeCell } = {};
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const text = s.text[r][c];
        const format = s.formats ? s.formats[r][c] : undefined;
        const formula = s.formulas ? s.formulas[r][c] : null;
        if (v === null && !text && (!format || format === "General")) return;
        const cell: FakeCell = {};
        if (v !== null) cell.value = v;
        if (text) cell.text = text;
        if (format && format !== "General") cell.format = format;
        if (formula) cell.formula = formula;
        cells[toA1(s.top + r, s.left + c)] = cell;
      })
    );
    const vis = s.visibility === "hidden" ? "Hidden" : s.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    return { name: s.name, id: "{sheet-" + i + "}", visibility: vis, protected: !!s.protected, cells, merges: s.merges.slice(), cfs: [], notes: {} };
  });
  return { sheets, active: sheets[0].name, selected: "A1" };
}

export function deepCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}
