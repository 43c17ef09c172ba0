/**
 * Regenerates test/fixtures/pdf/*.pdf: the sample workbook and variants of it (test/fixtures/pdfVariants.ts),
 * printed to PDF by LibreOffice. Run by hand when the variants change, never in CI (CI has no LibreOffice):
 *
 *   npx tsx scripts/pdfFixtures.ts        # needs soffice (Debian libreoffice-calc) and fonts-noto-cjk
 *
 * How each is printed: `soffice --headless --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":…true}'`, so each
 * sheet is one page (a table split over pages is a sheet split in two, headed 续表 with its header repeated). Before
 * printing, columns are made wide enough that no text is cut off at a cell border (LibreOffice drops what does not
 * fit), and the 情况说明 is set as a printed page would be: each paragraph in lines of about 40 characters, the first
 * indented by two full-width spaces, so that the reader has to join paragraphs across line breaks.
 */
import * as childProcess from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { PDF_VARIANTS } from "../test/fixtures/pdfVariants";

const OUT = path.join(__dirname, "..", "test", "fixtures", "pdf");
const LINE_EMS = 40;

function ems(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.55;
  return n;
}

/** One paragraph → lines of about LINE_EMS ems, never cut beside a blank (a blank at a line end is not printed). */
function wrap(p: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < p.length; i++) {
    cur += p[i];
    const next = p[i + 1];
    if (ems(cur) >= LINE_EMS && next !== undefined && next !== " " && p[i] !== " ") {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

function forPrint(wb: XLSX.WorkBook): XLSX.WorkBook {
  for (const n of wb.SheetNames) {
    const ws = wb.Sheets[n];
    if (!ws["!ref"]) continue;
    if (n === "情况说明") {
      const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, blankrows: false });
      const lines: string[][] = [];
      for (const r of rows) {
        const p = String(r[0] || "").trim();
        if (!p) continue;
        if (HEADING.test(p) && ems(p) < LINE_EMS) lines.push([p]);
        else wrap("\u3000\u3000" + p).forEach((l) => lines.push([l]));
      }
      wb.Sheets[n] = XLSX.utils.aoa_to_sheet(lines);
      wb.Sheets[n]["!cols"] = [{ wch: LINE_EMS * 2 + 4 }];
      continue;
    }
    // Widest text in each column (merged titles aside), in character widths (a CJK character is two).
    const range = XLSX.utils.decode_range(ws["!ref"]);
    const merged = (ws["!merges"] || []).filter((m) => m.e.c > m.s.c);
    const cols: { wch: number }[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      let w = 6;
      for (let r = range.s.r; r <= range.e.r; r++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell || merged.some((m) => m.s.r <= r && r <= m.e.r && m.s.c === c)) continue;
        const t = cell.w !== undefined ? String(cell.w) : cell.t === "n" && cell.z ? XLSX.SSF.format(cell.z as string, cell.v as number) : String(cell.v);
        w = Math.max(w, Math.ceil(ems(t) * 2) + 2);
      }
      cols.push({ wch: Math.min(w, 80) });
    }
    ws["!cols"] = cols;
  }
  return wb;
}

function main(): void {
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-fixtures-"));
  try {
    for (const v of PDF_VARIANTS) {
      const wb = forPrint((v.printed || v.workbook)());
      const xlsx = path.join(tmp, v.name + ".xlsx");
      fs.writeFileSync(xlsx, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
      childProcess.execFileSync("soffice", ["--headless", "--convert-to", 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', "--outdir", tmp, xlsx], { stdio: "ignore" });
      fs.copyFileSync(path.join(tmp, v.name + ".pdf"), path.join(OUT, v.name + ".pdf"));
      console.log(v.name + ".pdf");
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
