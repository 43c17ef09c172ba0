/**
 * A fake WPS 表格 (ET) object model, written from the documented JS API (the members src/wps/et.ts lists, with
 * Excel VBA's semantics where the WPS pages follow them): NumberFormat/Text/MergeCells answer null for a range whose
 * cells differ, Value2/Formula are 2-D arrays for several cells, Interior.Color is BGR, ColorIndex −4142 means no
 * fill, custom document property strings hold at most 255 characters, a protected sheet refuses formatting.
 *
 * Every object is a Proxy that throws on any member it does not model, so nothing the adapter calls goes untested.
 * Each property read, property write and method call counts as one call (log.calls), as each crosses into WPS.
 */
import { parseCell, parseRange, toA1 } from "../../src/present/address";

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

type Members = { [k: string]: unknown };

const IGNORED = ["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "constructor"];

function strict(kind: string, members: Members, log: FakeLog): unknown {
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

const NONE = -4142;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(a: string): Box {
  const r = parseRange(a.replace(/\$/g, ""));
  if (!r) throw new Error("fake ET: bad address " + a);
  return r;
}

function cellsOf(b: Box): string[] {
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(toA1(r, c));
  return out;
}

function addr(b: Box): string {
  const tl = toA1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : tl + ":" + toA1(b.bottom, b.right);
}

export function fakeEt(book: FakeBook): { Application: unknown; log: FakeLog } {
  const log: FakeLog = { calls: 0, byMember: {} };

  function refuseIfProtected(s: FakeSheet, what: string): void {
    if (s.protected) throw new Error("fake ET: 工作表「" + s.name + "」受保护，不能" + what);
  }

  function mergeOf(s: FakeSheet, cell: string): Box | null {
    const p = parseCell(cell)!;
    for (const m of s.merges) {
      const b = boxOf(m);
      if (p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right) return b;
    }
    return null;
  }

  function shared(values: unknown[]): unknown {
    return values.every((v) => v === values[0]) ? values[0] : null;
  }

  function interior(s: FakeSheet, cells: string[]): unknown {
    return strict(
      "Interior",
      {
        get Color() {
          const c = book.sheets && s.cells[cells[0]];
          return c && c.fill !== undefined ? c.fill : 16777215;
        },
        set Color(v: number) {
          refuseIfProtected(s, "改填充色");
          cells.forEach((a) => ((s.cells[a] = s.cells[a] || {}).fill = v));
        },
        get ColorIndex() {
          const c = s.cells[cells[0]];
          return c && c.fill !== undefined ? 1 : NONE;
        },
        set ColorIndex(v: number) {
          refuseIfProtected(s, "改填充色");
          if (v !== NONE) throw new Error("fake ET: only ColorIndex = xlNone is modelled");
          cells.forEach((a) => {
            if (s.cells[a]) delete s.cells[a].fill;
          });
        },
      },
      log
    );
  }

  function condition(s: FakeSheet, cf: FakeCf): unknown {
    const colour = (key: "fill" | "font", kind: string) =>
      strict(
        kind,
        {
          get Color() {
            return cf[key] === null ? 16777215 : cf[key];
          },
          set Color(v: number) {
            cf[key] = v;
          },
        },
        log
      );
    return strict(
      "FormatCondition",
      {
        get Type() {
          return cf.type;
        },
        get Formula1() {
          return cf.formula1;
        },
        get Interior() {
          return colour("fill", "Interior");
        },
        get Font() {
          return colour("font", "Font");
        },
        Delete() {
          refuseIfProtected(s, "删除条件格式");
          s.cfs.splice(s.cfs.indexOf(cf), 1);
        },
      },
      log
    );
  }

  function conditions(s: FakeSheet, areas: string[], whole: boolean): unknown {
    if (book.noConditionalFormats) throw new Error("fake ET: Range.FormatConditions is not modelled");
    const mine = () => s.cfs.filter((cf) => whole || cf.areas.some((a) => areas.indexOf(a) >= 0));
    return strict(
      "FormatConditions",
      {
        get Count() {
          return mine().length;
        },
        Item(i: number) {
          const cf = mine()[i - 1];
          if (!cf) throw new Error("fake ET: FormatConditions.Item(" + i + ") out of range");
          return condition(s, cf);
        },
        Add(type: number, _op: unknown, formula1: string) {
          refuseIfProtected(s, "添加条件格式");
          if (type !== 2 || typeof formula1 !== "string") throw new Error("fake ET: only xlExpression rules are modelled");
          const cf: FakeCf = { type: type, formula1: formula1, areas: areas.slice(), fill: null, font: null };
          s.cfs.push(cf);
          return condition(s, cf);
        },
      },
      log
    );
  }

  function range(s: FakeSheet, address: string, whole = false): unknown {
    const areas = address.replace(/\$/g, "").split(",");
    if (areas.some((a) => !parseRange(a))) throw new Error("fake ET: bad address " + address);
    if (address.length > 255) throw new Error("fake ET: Range address longer than 255 characters");
    const b = boxOf(areas[0]);
    const single = areas.length === 1;
    let listed: string[] | null = null;
    const cellList = (): string[] => (listed = listed || areas.map(boxOf).reduce((acc: string[], x) => acc.concat(cellsOf(x)), []));
    const one = () => {
      if (!single) throw new Error("fake ET: this member is modelled for one area only");
    };
    const grid = (f: (a: string) => unknown) => {
      one();
      if (b.top === b.bottom && b.left === b.right) return f(toA1(b.top, b.left));
      const out: unknown[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(f(toA1(r, c)));
        out.push(row);
      }
      return out;
    };
    const count = (n: number) => strict("Range", { get Count() { return n; } }, log);
    return strict(
      "Range",
      {
        get Row() { one(); return b.top + 1; },
        get Column() { one(); return b.left + 1; },
        get Rows() { one(); return count(b.bottom - b.top + 1); },
        get Columns() { one(); return count(b.right - b.left + 1); },
        get Value2() { return grid((a) => (s.cells[a] ? s.cells[a].value : undefined)); },
        get Formula() {
          return grid((a) => {
            const c = s.cells[a];
            return c && c.formula ? c.formula : c && c.value !== undefined ? String(c.value) : "";
          });
        },
        get NumberFormat() { one(); return shared(cellList().map((a) => (s.cells[a] && s.cells[a].format) || "General")); },
        get Text() {
          one();
          return shared(cellList().map((a) => {
            const c = s.cells[a];
            return !c ? "" : c.text !== undefined ? c.text : c.value === undefined ? "" : String(c.value);
          }));
        },
        get MergeCells() {
          one();
          const merged = cellList().map((a) => mergeOf(s, a) !== null);
          return merged.every((m) => m) ? true : merged.every((m) => !m) ? false : null;
        },
        get MergeArea() {
          one();
          const m = mergeOf(s, toA1(b.top, b.left));
          return range(s, m ? addr(m) : toA1(b.top, b.left));
        },
        Address(rowAbs?: boolean, colAbs?: boolean) {
          if (rowAbs !== false || colAbs !== false) throw new Error("fake ET: only Address(false, false) is modelled");
          return areas.join(",");
        },
        get Interior() { return interior(s, cellList()); },
        get FormatConditions() { return conditions(s, areas, whole); },
        Select() {
          one();
          if (book.active !== s.name) throw new Error("fake ET: select on an inactive sheet");
          book.selected = address;
        },
      },
      log
    );
  }

  function worksheet(s: FakeSheet): unknown {
    return strict(
      "Worksheet",
      {
        get Name() { return s.name; },
        get Visible() { return s.visible; },
        get ProtectContents() { return s.protected; },
        get UsedRange() {
          const u = s.used;
          return range(s, addr({ top: u.top, left: u.left, bottom: u.top + Math.max(u.rows, 1) - 1, right: u.left + Math.max(u.cols, 1) - 1 }));
        },
        get Cells() { return range(s, "A1:XFD1048576", true); },
        Range(a: string) { return range(s, a); },
        Activate() {
          if (s.visible !== -1) throw new Error("fake ET: cannot activate a hidden sheet");
          book.active = s.name;
        },
      },
      log
    );
  }

  function property(i: number): unknown {
    const p = book.props[i];
    return strict(
      "DocumentProperty",
      {
        get Name() { return p.name; },
        get Value() { return p.value; },
        Delete() { book.props.splice(book.props.indexOf(p), 1); },
      },
      log
    );
  }

  const workbook = strict(
    "Workbook",
    {
      get Name() { return "sample.xlsx"; },
      get Worksheets() {
        return strict(
          "Worksheets",
          {
            get Count() { return book.sheets.length; },
            Item(i: number | string) {
              const s = typeof i === "number" ? book.sheets[i - 1] : book.sheets.filter((x) => x.name === i)[0];
              if (!s) throw new Error("fake ET: no sheet " + i);
              return worksheet(s);
            },
          },
          log
        );
      },
      get CustomDocumentProperties() {
        return strict(
          "DocumentProperties",
          {
            get Count() { return book.props.length; },
            Item(i: number) {
              if (typeof i !== "number" || !book.props[i - 1]) throw new Error("fake ET: no property " + i);
              return property(i - 1);
            },
            Add(name: string, link: boolean, type: number, value: string) {
              if (link !== false || type !== 4 || typeof value !== "string") throw new Error("fake ET: only string properties are modelled");
              if (value.length > 255) throw new Error("fake ET: a string property holds at most 255 characters");
              if (book.props.some((p) => p.name === name)) throw new Error("fake ET: property exists: " + name);
              book.props.push({ name: name, value: value });
              return property(book.props.length - 1);
            },
          },
          log
        );
      },
    },
    log
  );

  const app = strict("Application", { get ActiveWorkbook() { return workbook; } }, log);
  return { Application: app, log: log };
}
