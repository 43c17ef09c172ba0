/**
 * Files for the io/cli tests, written into a fresh temp dir: the sample, renamed and converted variants, and the
 * bad inputs (encrypted, corrupt, zip bombs, empty …). Everything is built here from the sample and SheetJS, so the
 * tests need nothing but the repo.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import * as XLSX from "@e965/xlsx";

export const REPO = path.join(__dirname, "..", "..");
export const SAMPLE = path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx");

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const CRC_TABLE: number[] = (() => {
  const t: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Sizes written into the headers instead of the real ones (to make a lying zip). */
  declaredSize?: number;
}

/** A minimal deflate ZIP writer, so the tests control every header field. */
/** level: zlib's deflate level (the budget tests' 120 MB of XML would take long at the default 6). */
export function writeZip(entries: ZipInput[], level?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const comp = zlib.deflateRawSync(e.data, level === undefined ? {} : { level });
    const usz = e.declaredSize !== undefined ? e.declaredSize : e.data.length;
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(usz >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(usz >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat(locals.concat([cd, end]));
}

/** The parts of an .xlsx, unzipped, so variants can be re-zipped with one part changed or added. */
export function xlsxParts(buf: Buffer): ZipInput[] {
  const z = XLSX.CFB.read(buf, { type: "buffer" });
  const out: ZipInput[] = [];
  (z.FileIndex as { type: number; content?: unknown }[]).forEach((f, i: number) => {
    if (f.type !== 2 || !f.content) return;
    const name = (z.FullPaths[i] as string).replace(/^Root Entry\//, "");
    if (name.charAt(0) === "\u0001") return;
    out.push({ name: name, data: Buffer.from(f.content as Uint8Array) });
  });
  return out;
}

/** An OLE compound file like the one Excel writes for an .xlsx with an open password (MS-OFFCRYPTO). */
export function encryptedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  // Agile encryption header (version 4.4, reserved 0x40) followed by a token XML; content is never parsed.
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption/>')]);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(8192, 0x5a));
  return Buffer.from(XLSX.CFB.write(cfb, { type: "buffer", fileType: "cfb" }) as Buffer);
}

export interface Fixtures {
  dir: string;
  sample: string;
  spaced: string;
  xlsxAsXls: string;
  realXls: string;
  xlsAsXlsx: string;
  empty: string;
  encrypted: string;
  corruptTruncated: string;
  corruptData: string;
  declaredBomb: string;
  ratioBomb: string;
  lyingBomb: string;
  zeroBytes: string;
  directory: string;
  missing: string;
  html: string;
  docxLike: string;
  text: string;
}

export function makeFixtures(): Fixtures {
  const dir = tempDir("juesuan-io-");
  const sampleBuf = fs.readFileSync(SAMPLE);
  const put = (name: string, data: Buffer): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  const parts = xlsxParts(sampleBuf);
  const sheet1 = parts.filter((p) => /xl\/worksheets\/sheet1\.xml$/.test(p.name))[0];

  const emptyWb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(emptyWb, XLSX.utils.aoa_to_sheet([]), "Sheet1");

  const sampleWb = XLSX.read(sampleBuf, { type: "buffer", cellNF: true, cellStyles: true });
  const xls = Buffer.from(XLSX.write(sampleWb, { type: "buffer", bookType: "biff8" }) as Buffer);

  // Corrupt deflate data inside a well-formed directory: overwrite the middle of the first sheet's stream.
  const corruptData = Buffer.from(sampleBuf);
  const at = corruptData.indexOf(Buffer.from("xl/worksheets/sheet1.xml"));
  for (let i = at + 40; i < at + 240; i++) corruptData[i] = 0xff;

  // A central directory that declares ~4 GB for one part (nothing of that size is ever built).
  const declared = writeZip(parts.map((p) => (p === sheet1 ? { name: p.name, data: p.data, declaredSize: 0xfffffff0 } : p)));

  // 8 MB of zeros deflates to ~8 KB (ratio ~1000): past the ratio limit, and quick to build.
  const ratio = writeZip(parts.concat([{ name: "xl/media/zeros.bin", data: Buffer.alloc(8 * 1024 * 1024) }]));

  // Headers say 1,000 bytes; the stream inflates to 8 MB. Only a capped inflate notices.
  const lying = writeZip(parts.concat([{ name: "xl/media/lie.bin", data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 1000 }]));

  const docx = writeZip([
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: "word/document.xml", data: Buffer.from('<?xml version="1.0"?><w:document/>') },
  ]);

  const directory = path.join(dir, "一个文件夹.xlsx");
  fs.mkdirSync(directory);
  return {
    dir: dir,
    sample: put("sample.xlsx", sampleBuf),
    spaced: put("三门峡 2024 部门决算 (最终版).xlsx", sampleBuf),
    xlsxAsXls: put("renamed xlsx.xls", sampleBuf),
    realXls: put("legacy.xls", xls),
    xlsAsXlsx: put("legacy renamed.xlsx", xls),
    empty: put("empty.xlsx", Buffer.from(XLSX.write(emptyWb, { type: "buffer", bookType: "xlsx" }) as Buffer)),
    encrypted: put("encrypted.xlsx", encryptedXlsx()),
    corruptTruncated: put("truncated.xlsx", sampleBuf.subarray(0, Math.floor(sampleBuf.length / 2))),
    corruptData: put("corrupt-data.xlsx", corruptData),
    declaredBomb: put("bomb-declared.xlsx", declared),
    ratioBomb: put("bomb-ratio.xlsx", ratio),
    lyingBomb: put("bomb-lying.xlsx", lying),
    zeroBytes: put("zero.xlsx", Buffer.alloc(0)),
    directory: directory,
    missing: path.join(dir, "不存在.xlsx"),
    html: put("web export.xls", Buffer.from("<html><body><table><tr><td>1</td></tr></table></body></html>")),
    docxLike: put("report.xlsx", docx),
    text: put("notes.xlsx", Buffer.from("这不是工作簿，只是一段文字。\n")),
  };
}

export function removeFixtures(f: Fixtures): void {
  fs.rmSync(f.dir, { recursive: true, force: true });
}
