/**
 * The XML scanning primitives of the fast .xlsx reader (fastXlsx.ts): SheetJS's text helpers, attribute and tag
 * scanning, shared strings and cell formats, each reproducing what SheetJS 0.20.3 does. `decline()` throws when a
 * part is not handled with certainty; readXlsxFast then returns null and SheetJS reads the file.
 */
import { isAscii, isUtf8, transcode } from "buffer";

/** Inflated entries by name. */
export type Parts = Map<string, Buffer>;

/** SheetJS's table_fmt after make_ssf() (SSF_init_table), reset at every read. */
export const TABLE_FMT: { [id: number]: string } = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "m/d/yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@", 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

export class Decline extends Error {}

export function decline(): never {
  throw new Decline();
}

/* ------------------------------------------------------------------ SheetJS's text helpers */

const ENCODINGS: { [k: string]: string } = { "&quot;": '"', "&apos;": "'", "&gt;": ">", "&lt;": "<", "&amp;": "&" };
const ENC_RE = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE_RE = /_x([\da-fA-F]{4})_/gi;

/** SheetJS's unescapexml (no CDATA here: such parts are declined). */
export function unescapexml(s: string, xlsx?: boolean): string {
  let out = s;
  if (out.indexOf("&") >= 0) {
    out = out.replace(ENC_RE, (all: string, code: string) => ENCODINGS[all] || String.fromCharCode(parseInt(code, all.indexOf("x") > -1 ? 16 : 10)) || all);
  }
  if (out.indexOf("_") >= 0) out = out.replace(CODE_RE, (_m: string, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx && out.indexOf("\r") >= 0 ? out.replace(/\r\n/g, "\n") : out;
}

/** SheetJS in Node: utf8read(binary) = Buffer.from(binary, "binary").toString("utf8"). */
export function utf8read(binary: string): string {
  return Buffer.from(binary, "latin1").toString("utf8");
}

export function toBinary(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

/** A part as text (UTF-8), declined when SheetJS could see it differently. */
export function text(parts: Parts, name: string): string {
  const b = parts.get(name);
  if (!b) return decline();
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[1] === 0xfe && b[2] === 0xff) || (b[0] === 0xef && b[1] === 0xbb)) decline();
  // Pure ASCII (sheet parts nearly always are): Latin-1 decoding gives the same string, and no U+FFFD can be in it.
  // isAscii is one native pass; UTF-8 decoding took as long as the cell loop on the sample (issue 9, speed).
  const ascii = isAscii(b);
  const s = ascii ? b.toString("latin1") : decodeUtf8(b);
  if ((!ascii && s.indexOf("\ufffd") >= 0) || hasMarkupDeclaration(s)) decline();
  return s;
}

/**
 * b.toString("utf8"), faster for valid UTF-8: V8's decoder took 9 ns a byte on Chinese shared strings, ICU's
 * transcoding to UTF-16 and a copy take a tenth of that. Valid UTF-8 has one decoding, so both give the same string;
 * anything else (and a Node without ICU) keeps toString, whose U+FFFD replacements text() declines.
 */
export function decodeUtf8(b: Buffer): string {
  if (isUtf8(b)) {
    try {
      return transcode(b, "utf8", "ucs2").toString("ucs2");
    } catch (_e) {
      // no ICU in this Node: the plain decoder below
    }
  }
  return b.toString("utf8");
}

/**
 * "<!--", "<![CDATA[" or "<!DOCTYPE" somewhere in s. Searched through the rare "!" (in XML, "<" starts every tag:
 * three searches for patterns that start with it took longer than the whole cell loop on the sample).
 */
export function hasMarkupDeclaration(s: string): boolean {
  for (let p = s.indexOf("!"); p >= 0; p = s.indexOf("!", p + 1)) {
    if (p > 0 && s.charCodeAt(p - 1) === 60 && (s.startsWith("<!--", p - 1) || s.startsWith("<![CDATA[", p - 1) || s.startsWith("<!DOCTYPE", p - 1))) return true;
  }
  return false;
}

/**
 * Attributes of a start tag (`body` = text between the element name and ">", "/" removed). Keys with a namespace
 * prefix lose it (r:id → id), as parsexmltag does. Values are raw. Declines anything but name="v" / name='v'.
 */
export function attrs(body: string): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  let i = 0;
  const n = body.length;
  for (;;) {
    while (i < n && isSpace(body.charCodeAt(i))) i++;
    if (i >= n) return out;
    const start = i;
    while (i < n && body.charCodeAt(i) !== 61 /* = */ && !isSpace(body.charCodeAt(i))) i++;
    const name = body.slice(start, i);
    if (body.charCodeAt(i) !== 61 || !isName(name)) decline();
    i++;
    const q = body.charCodeAt(i);
    if (q !== 34 && q !== 39) decline();
    const end = body.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) decline();
    const colon = name.indexOf(":");
    const key = colon < 0 ? name : name.slice(colon + 1);
    if (name.indexOf("_") > 0 || (colon >= 0 && name.slice(0, colon) === "xmlns")) {
      // parsexmltag's special cases: not needed on the attributes read here.
    } else out[key] = body.slice(i + 1, end);
    i = end + 1;
  }
}

/** /^[A-Za-z][\w.:-]*$/ without a regular expression (attributes are scanned once per cell). */
function isName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter) continue;
    if (i === 0) return false;
    if (!((c >= 48 && c <= 57) || c === 95 || c === 46 || c === 58 || c === 45)) return false;
  }
  return true;
}

/** Only XML white space between from and to. */
export function blank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Every start tag <name …> / <name …/> of exactly `name` (no prefix) in s, as attribute maps. */
export function tags(s: string, name: string): { [k: string]: string }[] {
  const out: { [k: string]: string }[] = [];
  const open = "<" + name;
  let at = s.indexOf(open);
  while (at >= 0) {
    const c = s.charCodeAt(at + open.length);
    if (isSpace(c) || c === 62 || c === 47) {
      const end = s.indexOf(">", at);
      if (end < 0) decline();
      let body = s.slice(at + open.length, end);
      if (body.charCodeAt(body.length - 1) === 47) body = body.slice(0, -1);
      out.push(attrs(body));
    }
    at = s.indexOf(open, at + open.length);
  }
  return out;
}

const PREFIXED = new Map<string, RegExp>();

/**
 * A prefixed form (<x:name or </x:name) of any of these elements is somewhere in s. One compiled alternation per
 * list, one scan of s (was one new RegExp and one scan per name: a quarter of the fast reader's time on the sample).
 */
export function hasPrefixed(s: string, names: string[]): boolean {
  const key = names.join("|");
  let re = PREFIXED.get(key);
  if (re === undefined) {
    re = new RegExp("</?\\w+:(?:" + key + ")\\b");
    PREFIXED.set(key, re);
  }
  return re.test(s);
}

export function parsexmlbool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/* ------------------------------------------------------------------ shared strings (parse_sst_xml, parse_si) */

const TAG_RE = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const SIT_RE = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;

/** parse_si(x).t on text already decoded from UTF-8 (utf8read of an ASCII-delimited slice is that slice). */
export function siText(x: string): string | undefined {
  if (!x) return "";
  if (/^\s*<(?:\w+:)?t[^>]*>/.test(x)) return unescapexml(x.slice(x.indexOf(">") + 1).split(/<\/(?:\w+:)?t>/)[0] || "", true);
  if (/<(?:\w+:)?r\b[^<>]*>/.test(x)) {
    if (x.indexOf("rPh") >= 0) decline();
    return unescapexml((x.match(SIT_RE) || []).join("").replace(TAG_RE, ""), true);
  }
  return undefined;
}

/**
 * The shared strings (parse_sst_xml). Most tables hold plain strings, <si><t>文字</t></si>: plainStrings reads those
 * in one pass (issue 9, speed: the general path ran a dozen regular expressions per string and scanned the part five
 * times); anything else in the part, and the general path reads it all. test/io/fastXlsxCell.test.ts compares both.
 */
export function sharedStrings(xml: string, fast = true): (string | undefined)[] {
  const plain = fast ? plainStrings(xml) : null;
  return plain !== null ? plain : generalStrings(xml);
}

const SST_NAMES = ["sst", "si", "sstItem"];

/**
 * The strings when every item is <si><t>text</t></si> or <si><t attributes>text</t></si>, with XML white space
 * around the items and text free of "<", "&", "_" and CR (unescapexml leaves such text as it is); else null.
 * The general path's result then: its global removal of "<si>" removes only the one opening each item, its split
 * on "</si>" yields "<t>text</t>" with white space around, which trim() takes and siText reads as the text; the
 * white space after the last item gives its trailing "".
 */
function plainStrings(xml: string): string[] | null {
  const open = /<sst\b[^<>]*>/.exec(xml);
  if (!open) return null;
  const from = open.index + open[0].length;
  const close = xml.lastIndexOf("</sst>");
  if (close < from) return null;
  const head = xml.slice(0, from);
  const tail = xml.slice(close);
  if (hasPrefixed(head, SST_NAMES) || hasPrefixed(tail, SST_NAMES) || /<si |<sstItem/.test(head) || /<si |<sstItem/.test(tail)) return null;
  return plainItems(xml, from, close);
}

/** The items between from and close (the loop of plainStrings, apart so that TurboFan compiles only the loop). */
function plainItems(xml: string, from: number, close: number): string[] | null {
  const out: string[] = [];
  let i = skipSpace(xml, from, close);
  while (i < close) {
    if (!xml.startsWith("<si><t", i)) return null;
    let gt = i + 6;
    const c = xml.charCodeAt(gt);
    if (c !== 62 /* > */) {
      if (c !== 32) return null;
      gt = xml.indexOf(">", gt);
      if (gt < 0 || xml.indexOf("<", i + 6) < gt || xml.charCodeAt(gt - 1) === 47 /* <t/> */) return null;
    }
    const lt = xml.indexOf("<", gt + 1);
    if (!xml.startsWith("</t>", lt)) return null;
    for (let k = gt + 1; k < lt; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === 38 || ch === 95 || ch === 13 || ch === 62) return null;
    }
    out.push(xml.slice(gt + 1, lt));
    i = skipSpace(xml, lt + 4, close);
    if (!xml.startsWith("</si>", i)) return null;
    i = skipSpace(xml, i + 5, close);
  }
  out.push("");
  return out;
}

function skipSpace(s: string, i: number, to: number): number {
  while (i < to && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function generalStrings(xml: string): (string | undefined)[] {
  if (hasPrefixed(xml, ["sst", "si", "sstItem"]) || xml.indexOf("<si ") >= 0 || xml.indexOf("<sstItem") >= 0) decline();
  const open = /<sst\b[^<>]*>/.exec(xml);
  if (!open) decline();
  const close = xml.indexOf("</sst>", open.index + open[0].length);
  if (close < 0) decline();
  const inner = xml.slice(open.index + open[0].length, close);
  const items = inner.replace(/<si>/g, "").split(/<\/si>/);
  const out: (string | undefined)[] = [];
  for (let i = 0; i < items.length; i++) out.push(siText(items[i].trim()));
  return out;
}

/* ------------------------------------------------------------------ styles (parse_numFmts, parse_cellXfs) */

/** cellXfs index → format string as safe_format puts it in `z` (undefined where table_fmt has none). */
export function cellFormats(xml: string | null): (string | undefined)[] | null {
  if (xml === null) return null;
  if (hasPrefixed(xml, ["numFmts", "numFmt", "cellXfs", "xf"])) decline();
  const table: { [id: number]: string } = { ...TABLE_FMT };
  const nf = section(xml, "numFmts");
  if (nf !== null) {
    for (const t of tags(nf, "numFmt")) {
      if (t.formatCode === undefined || !/^\d+$/.test(t.numFmtId || "")) decline();
      const j = parseInt(t.numFmtId, 10);
      if (j > 0x188) decline();
      const f = unescapexml(utf8read(toBinary(t.formatCode)));
      if (j > 0) table[j] = f === "d.m" ? "d\\.m" : f; // SSF__load's bad_formats
    }
  }
  const xfs = section(xml, "cellXfs");
  if (xfs === null) return null;
  if (xfs.indexOf("<ext") >= 0 || xfs.indexOf("AlternateContent") >= 0) decline();
  const out: (string | undefined)[] = [];
  for (const t of tags(xfs, "xf")) {
    const id = t.numFmtId;
    if (id === undefined) {
      out.push(table[0]);
      continue;
    }
    if (!/^\d+$/.test(id)) decline();
    const n = parseInt(id, 10);
    if (n > 0x188) decline();
    out.push(table[n]);
  }
  return out;
}

/** str_match_xml_ns(xml, name)[0] for an unprefixed element, or null (also for a self-closed one). */
function section(xml: string, name: string): string | null {
  const m = new RegExp("<" + name + "\\b[^<>]*>").exec(xml);
  if (!m) return null;
  const end = xml.indexOf("</" + name + ">", m.index + m[0].length);
  if (end < 0) return null;
  return xml.slice(m.index, end + name.length + 3);
}

/* ------------------------------------------------------------------ one worksheet (parse_ws_xml, parse_ws_xml_data) */
