/** The bundled sample as a fake WPS workbook: what the CLI reads from the file, laid into the fake ET cells. */
import { WorkbookSnapshot } from "../../src/engine/types";
import { readWorkbookFile } from "../../src/io/readWorkbookFile";
import { toA1 } from "../../src/present/address";
import { SAMPLE } from "../excel/sampleBook";
import { FakeBook, FakeCell, FakeSheet } from "./fakeEt";

export function cliSnapshot(): WorkbookSnapshot {
  const r = readWorkbookFile(SAMPLE);
  if (!r.ok) throw new Error(r.error);
  return r.snapshot;
}

/**
 * Each cell keeps its value, format, formula and the text Excel shows (the fake's Range.Text). `padColumns` adds
 * formatted but empty columns to the right of every used range: ET counts those in UsedRange, the CLI does not.
 */
export function etBookFromSnapshot(snap: WorkbookSnapshot, padColumns = 0): FakeBook {
  const sheets: FakeSheet[] = snap.sheets.map((s) => {
    const cells: { [a1: string]: FakeCell } = {};
    const cols = s.values.length ? s.values[0].length : 0;
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const cell: FakeCell = {};
        if (v !== null) cell.value = v;
        const format = s.formats ? s.formats[r][c] : "General";
        if (format && format !== "General") cell.format = format;
        const formula = s.formulas ? s.formulas[r][c] : null;
        if (formula) cell.formula = formula;
        if (s.text[r][c]) cell.text = s.text[r][c];
        if (Object.keys(cell).length) cells[toA1(s.top + r, s.left + c)] = cell;
      });
      for (let k = 0; k < padColumns; k++) cells[toA1(s.top + r, s.left + cols + k)] = { format: "#,##0.00" };
    });
    return {
      name: s.name,
      visible: s.visibility === "hidden" ? 0 : s.visibility === "veryHidden" ? 2 : -1,
      protected: !!s.protected,
      used: { top: s.top, left: s.left, rows: s.values.length, cols: cols ? cols + padColumns : 0 },
      cells,
      merges: s.merges.slice(),
      cfs: [],
    };
  });
  return { sheets, props: [], active: sheets[0].name, selected: "A1" };
}
