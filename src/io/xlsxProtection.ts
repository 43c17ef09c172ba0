/**
 * Which worksheets of an .xlsx are protected (<sheetProtection sheet="1">), read from the raw zip entries SheetJS keeps
 * with bookFiles: true. Split out of sheetjsSnapshot.ts.
 */
import type { WorkBook } from "@e965/xlsx";

type ZipEntry = { content?: Uint8Array | number[] | string } | undefined;

function entryBytes(e: ZipEntry): Uint8Array | null {
  if (!e || e.content == null) return null;
  const c = e.content;
  if (typeof c === "string") {
    const out = new Uint8Array(c.length);
    for (let i = 0; i < c.length; i++) out[i] = c.charCodeAt(i) & 0xff;
    return out;
  }
  return c instanceof Uint8Array ? c : new Uint8Array(c);
}

/**
 * ASCII search in bytes, so a large sheet XML need not be decoded to find one tag. In Node SheetJS hands over Buffers,
 * whose native indexOf is ~20× faster than the loop below (which stays for the browser, where there is no Buffer).
 */
function indexOfAscii(bytes: Uint8Array, needle: string, from: number): number {
  if (typeof Buffer !== "undefined" && Buffer.isBuffer(bytes)) return bytes.indexOf(needle, from, "latin1");
  const n = needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i <= bytes.length - n; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < n; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function asciiSlice(bytes: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * Names of protected worksheets in an .xlsx read with bookFiles: true (empty when the raw files are absent).
 * Sheet → part path follows xl/_rels/workbook.xml.rels by the sheet's r:id, as SheetJS itself does.
 */
export function xlsxProtectedSheets(wb: WorkBook): { [name: string]: true } {
  const out: { [name: string]: true } = {};
  const files = (wb as { files?: { [path: string]: ZipEntry } }).files;
  const meta = wb.Workbook && wb.Workbook.Sheets;
  if (!files || !meta) return out;
  const get = (p: string): ZipEntry => files[p] || files["/" + p];
  const rels = entryBytes(get("xl/_rels/workbook.xml.rels"));
  if (!rels) return out;
  const relText = asciiSlice(rels, 0, rels.length);
  const targets: { [id: string]: string } = {};
  const re = /<Relationship\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(relText))) {
    const id = /\bId="([^"]*)"/.exec(m[0]);
    const target = /\bTarget="([^"]*)"/.exec(m[0]);
    if (id && target) targets[id[1]] = target[1];
  }
  for (let i = 0; i < meta.length; i++) {
    const sheetMeta = meta[i] as { name?: string; id?: string };
    const target = sheetMeta.id ? targets[sheetMeta.id] : undefined;
    if (!target || !sheetMeta.name) continue;
    const path = target.charAt(0) === "/" ? target.slice(1) : target.indexOf("xl/") === 0 ? target : "xl/" + target;
    const bytes = entryBytes(get(path));
    if (!bytes) continue;
    const at = indexOfAscii(bytes, "<sheetProtection", 0);
    if (at < 0) continue;
    const end = indexOfAscii(bytes, ">", at);
    const tag = asciiSlice(bytes, at, end < 0 ? at + 2000 : end);
    // sheet="1" is what turns protection on; the element can exist with sheet="0" (protection switched off).
    if (/\bsheet="(1|true)"/.test(tag)) out[sheetMeta.name] = true;
  }
  return out;
}
