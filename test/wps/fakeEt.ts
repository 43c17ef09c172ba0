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

import { addr, Box, boxOf, cellsOf, FakeBook, FakeCf, FakeLog, FakeSheet, NONE, strict } from "./fakeEtCore";
export type { FakeBook, FakeCell, FakeCf, FakeLog, FakeSheet } from "./fakeEtCore";

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
        set Value2(v: unknown) {
          one();
          refuseIfProtected(s, "写入");
          const rows = b.bottom - b.top + 1;
          const cols = b.right - b.left + 1;
          const g = Array.isArray(v) ? (v as unknown[][]) : [[v]];
          if (g.length !== rows || g.some((r) => !Array.isArray(r) || r.length !== cols)) throw new Error("fake ET: Value2 of the wrong shape for " + address);
          g.forEach((r, i) =>
            r.forEach((x, j) => {
              const a = toA1(b.top + i, b.left + j);
              const c = (s.cells[a] = s.cells[a] || {});
              if (typeof x !== "string" && typeof x !== "number") throw new Error("fake ET: only text and numbers are written");
              // What ET does with a text typed into a cell that is not formatted as text: "=…" becomes a formula.
              if (typeof x === "string" && x.charAt(0) === "=" && c.format !== "@") c.formula = x;
              c.value = x;
            })
          );
        },
        get Formula() {
          return grid((a) => {
            const c = s.cells[a];
            return c && c.formula ? c.formula : c && c.value !== undefined ? String(c.value) : "";
          });
        },
        get NumberFormat() { one(); return shared(cellList().map((a) => (s.cells[a] && s.cells[a].format) || "General")); },
        set NumberFormat(f: unknown) {
          one();
          refuseIfProtected(s, "改数字格式");
          if (typeof f !== "string") throw new Error("fake ET: NumberFormat is set with one string");
          cellList().forEach((a) => ((s.cells[a] = s.cells[a] || {}).format = f));
        },
        set ColumnWidth(w: number) {
          one();
          for (let c = b.left; c <= b.right; c++) (s.widths = s.widths || {})[toA1(0, c).replace(/\d+$/, "")] = w;
        },
        set WrapText(on: boolean) {
          one();
          if (on) for (let c = b.left; c <= b.right; c++) (s.wrapped = s.wrapped || []).push(toA1(0, c).replace(/\d+$/, ""));
        },
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

  const sheetOf = new WeakMap<object, FakeSheet>();

  function worksheet(s: FakeSheet): unknown {
    const ws = strict(
      "Worksheet",
      {
        get Name() { return s.name; },
        set Name(n: string) {
          if (typeof n !== "string" || !n || n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new Error("fake ET: bad sheet name " + n);
          if (book.sheets.some((x) => x !== s && x.name === n)) throw new Error("fake ET: a sheet is named " + n + " already");
          s.name = n;
        },
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
    ) as object;
    sheetOf.set(ws, s);
    return ws;
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
            Add(before?: object, after?: object) {
              const anchor = (before && sheetOf.get(before)) || (after && sheetOf.get(after));
              if (!anchor || (before && after)) throw new Error("fake ET: Add is modelled with one of Before or After");
              let k = book.sheets.length + 1;
              while (book.sheets.some((x) => x.name === "Sheet" + k)) k++;
              const fresh: FakeSheet = { name: "Sheet" + k, visible: -1, protected: false, used: { top: 0, left: 0, rows: 0, cols: 0 }, cells: {}, merges: [], cfs: [] };
              book.sheets.splice(book.sheets.indexOf(anchor) + (after ? 1 : 0), 0, fresh);
              return worksheet(fresh);
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
