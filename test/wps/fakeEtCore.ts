/** The data of the fake ET (fakeEt.ts) and its strict proxies: any member not modelled throws. */
import { parseRange, toA1 } from "../../src/present/address";

export interface FakeCell {
  value?: string | number | boolean;
  format?: string;
  formula?: string;
  /** What WPS shows; when absent, the value as text ("" for none). */
  text?: string;
  /** BGR fill, or absent for no fill. */
  fill?: number;
}

export interface FakeCf {
  type: number;
  formula1: string;
  /** Areas the rule applies to (A1, no sheet). */
  areas: string[];
  fill: number | null;
  font: number | null;
}

export interface FakeSheet {
  name: string;
  visible: number;
  protected: boolean;
  /** 0-based box of the used range (what UsedRange answers). */
  used: { top: number; left: number; rows: number; cols: number };
  cells: { [a1: string]: FakeCell };
  merges: string[];
  cfs: FakeCf[];
  /** Column widths and wrapped columns set through Range.ColumnWidth / WrapText (report sheet). */
  widths?: { [col: string]: number };
  wrapped?: string[];
}

export interface FakeBook {
  sheets: FakeSheet[];
  props: { name: string; value: string }[];
  active: string;
  selected: string;
  /** When true, FormatConditions is not modelled (an older WPS): the adapter must fall back to fills. */
  noConditionalFormats?: boolean;
}

export interface FakeLog {
  calls: number;
  /** Calls by member, "Range.NumberFormat" → n. */
  byMember: { [m: string]: number };
}

export type Members = { [k: string]: unknown };

const IGNORED = ["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "constructor"];

export function strict(kind: string, members: Members, log: FakeLog): unknown {
  const count = (m: string): void => {
    log.calls++;
    log.byMember[kind + "." + m] = (log.byMember[kind + "." + m] || 0) + 1;
  };
  return new Proxy(members, {
    get(target, prop) {
      if (typeof prop === "symbol") return undefined;
      const d = Object.getOwnPropertyDescriptor(target, prop);
      if (!d) {
        if (IGNORED.indexOf(prop) >= 0) return undefined;
        throw new Error("fake ET: " + kind + "." + prop + " is not modelled");
      }
      if (d.get) {
        count(prop);
        return d.get.call(target);
      }
      if (typeof d.value === "function") {
        return (...args: unknown[]) => {
          count(prop);
          return (d.value as (...a: unknown[]) => unknown)(...args);
        };
      }
      throw new Error("fake ET: " + kind + "." + prop + " is not modelled");
    },
    set(target, prop, value) {
      const d = typeof prop === "string" ? Object.getOwnPropertyDescriptor(target, prop) : undefined;
      if (!d || !d.set) throw new Error("fake ET: " + kind + "." + String(prop) + " cannot be set");
      count(String(prop));
      d.set.call(target, value);
      return true;
    },
  });
}

export const NONE = -4142;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function boxOf(a: string): Box {
  const r = parseRange(a.replace(/\$/g, ""));
  if (!r) throw new Error("fake ET: bad address " + a);
  return r;
}

export function cellsOf(b: Box): string[] {
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(toA1(r, c));
  return out;
}

export function addr(b: Box): string {
  const tl = toA1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : tl + ":" + toA1(b.bottom, b.right);
}

