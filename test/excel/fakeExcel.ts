/**
 * A hand-written fake of the Excel JavaScript object model, one per ExcelApi level.
 *
 * Why not office-addin-mock for Excel itself: it is a property bag. It has no collections (`items`,
 * getItem/getItemOrNullObject), no queued writes that land only at `sync()`, no null objects, no conditional-format
 * or note semantics, no request-size limit and no way to make a method absent below an API level. All of those are
 * what these tests are about. The `Office` global (requirements.isSetSupported, document settings, actions) *is*
 * built with office-addin-mock — see officeGlobal() below.
 *
 * Semantics kept from the real thing:
 *  - load() queues; reading a property before the sync that loads it throws PropertyNotLoaded;
 *  - writes and method calls are queued and applied in order at sync(); a failing operation rejects the sync
 *    (operations before it stay applied);
 *  - methods and properties newer than the host's level do not exist (calling them is a TypeError), and every
 *    API use is recorded with its level in `log.calls` so tests can assert nothing above the level was touched;
 *  - one sync's response may not exceed 5 MB (Excel on the web); fill colour reads "#FFFFFF" for No Fill.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseRange, RangeRef, toA1 } from "../../src/present/address";

export type Value = number | string | boolean;

export interface FakeCell {
  value?: Value;
  text?: string;
  format?: string;
  formula?: string;
  /** null/undefined = No Fill. */
  fill?: string | null;
}

export interface FakeCf {
  /** The bounding box; `areas` lists the areas of a multi-area rule (ExcelApi 1.9 RangeAreas). */
  appliesTo: RangeRef;
  areas?: RangeRef[];
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export interface FakeSheet {
  name: string;
  id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: { [a1: string]: FakeCell };
  merges: string[];
  cfs: FakeCf[];
  notes: { [a1: string]: string };
  /** What the report writer set up (hyperlinks by cell, widths by column letter, page layout, frozen rows). */
  links?: { [a1: string]: { documentReference: string; textToDisplay: string } };
  widths?: { [col: string]: number };
  wrapped?: string[];
  frozenRows?: number;
  page?: { orientation?: string; zoom?: unknown; titleRows?: string };
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: string;
  selected: string;
  /** The user is typing in a cell: a batch without delayForCellEdit fails (InvalidOperationInCellEditMode). */
  cellEditMode?: boolean;
}

export interface FakeLog {
  /** Every API used: "Worksheet.getUsedRange@1.1". */
  calls: { api: string; level: number }[];
  syncs: number;
  /** Excel.run calls, and those that passed { delayForCellEdit: true }. */
  runs: number;
  runsWaitingForCellEdit: number;
  /** Writes made while events were on (only meaningful where runtime.enableEvents exists). */
  writesWithEventsOn: number;
  runOptions: unknown[];
  /** Largest response of any one sync, in bytes. */
  maxResponseBytes: number;
  /** Runtime.enableEvents as it stands. */
  eventsOn: boolean;
  selectionHandlers: { sheetId: string; handler: (e: { address: string; worksheetId: string }) => Promise<unknown> | unknown }[];
}

export const RESPONSE_LIMIT = 5 * 1024 * 1024;

export function sheet(name: string, cells: { [a1: string]: FakeCell | Value }, extra: Partial<FakeSheet> = {}): FakeSheet {
  const out: { [a1: string]: FakeCell } = {};
  Object.keys(cells).forEach((k) => {
    const c = cells[k];
    out[k] = typeof c === "object" ? c : { value: c };
  });
  return { name, id: "{" + name + "}", visibility: "Visible", protected: false, cells: out, merges: [], cfs: [], notes: {}, ...extra };
}

function levelNum(v: string): number {
  return Number(v.split(".")[1]);
}

class Ctx {
  queue: (() => unknown)[] = [];
  response = 0;
  // enableEvents belongs to the add-in's runtime, not to one batch: keep it in the log, which outlives runs.
  get eventsOn(): boolean {
    return this.log.eventsOn;
  }
  set eventsOn(v: boolean) {
    this.log.eventsOn = v;
  }
  constructor(public log: FakeLog, public level: number) {}
  use(api: string, minor: number): void {
    this.log.calls.push({ api, level: minor });
    if (minor > this.level) throw new TypeError(api + " needs ExcelApi 1." + minor + " (host has 1." + this.level + ")");
  }
  op(fn: () => unknown): void {
    this.queue.push(fn);
  }
  write(fn: () => unknown): void {
    this.queue.push(() => {
      if (this.eventsOn && this.level >= 8) this.log.writesWithEventsOn++;
      return fn();
    });
  }
  answer(data: unknown): void {
    this.response += JSON.stringify(data === undefined ? null : data).length * 1.2; // UTF-8 of CJK and envelope
  }
}

/** A proxy: `loadable` names become getters that throw until a sync has loaded them. */
class Proxy {
  protected data: { [k: string]: unknown } = {};
  protected nulled: boolean | undefined;
  constructor(protected ctx: Ctx, loadable: string[]) {
    loadable.forEach((name) => {
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          if (!(name in this.data)) throw new Error("PropertyNotLoaded: " + name);
          return this.data[name];
        },
        set: (v: unknown) => this.setProp(name, v),
      });
    });
  }
  protected setProp(name: string, _v: unknown): void {
    throw new Error("Property " + name + " is read-only");
  }
  get isNullObject(): boolean {
    if (this.nulled === undefined) throw new Error("PropertyNotLoaded: isNullObject");
    return this.nulled;
  }
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const WHOLE: RangeRef = { top: 0, left: 0, bottom: 1048575, right: 16383 };

function boxOfCells(s: FakeSheet, valuesOnly: boolean): RangeRef {
  let box: RangeRef | null = null;
  Object.keys(s.cells).forEach((a) => {
    const c = s.cells[a];
    const has = (c.value !== undefined && c.value !== "") || (!valuesOnly && (c.fill || c.format));
    if (!has) return;
    const p = parseRange(a)!;
    box = box ? { top: Math.min(box.top, p.top), left: Math.min(box.left, p.left), bottom: Math.max(box.bottom, p.top), right: Math.max(box.right, p.left) } : p;
  });
  return box || { top: 0, left: 0, bottom: 0, right: 0 };
}

class RangeP extends Proxy {
  format: { fill: FillP; font: { bold: boolean }; autofitColumns?: () => void; columnWidth?: number; wrapText?: boolean };
  constructor(ctx: Ctx, private sheet: () => FakeSheet | null, private box: () => RangeRef) {
    super(ctx, ["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "text", "numberFormat", "formulas", "address"]);
    const self = this;
    const font = {} as { bold: boolean };
    Object.defineProperty(font, "bold", {
      set: () => {
        ctx.use("RangeFont.bold", 1);
        ctx.write(() => self.target());
      },
    });
    this.format = { fill: new FillP(ctx, this), font };
    Object.defineProperty(this.format, "wrapText", {
      set: () => {
        ctx.use("RangeFormat.wrapText", 1);
        ctx.write(() => {
          const t = self.writable();
          (t.sheet.wrapped = t.sheet.wrapped || []).push(toA1(t.box.top, t.box.left));
        });
      },
    });
    if (ctx.level >= 2) {
      Object.defineProperty(this.format, "columnWidth", {
        set: (w: number) => {
          ctx.use("RangeFormat.columnWidth", 2);
          ctx.write(() => {
            const t = self.writable();
            (t.sheet.widths = t.sheet.widths || {})[toA1(0, t.box.left).replace(/\d+$/, "")] = w;
          });
        },
      });
    }
    if (ctx.level >= 7) {
      Object.defineProperty(this, "hyperlink", {
        set: (h: { documentReference: string; textToDisplay: string }) => {
          ctx.use("Range.hyperlink", 7);
          ctx.write(() => {
            const t = self.writable();
            (t.sheet.links = t.sheet.links || {})[toA1(t.box.top, t.box.left)] = h;
          });
        },
      });
    }
    if (ctx.level >= 2) {
      this.format.autofitColumns = () => {
        ctx.use("RangeFormat.autofitColumns", 2);
        ctx.write(() => self.target());
      };
    }
    if (ctx.level >= 6) {
      Object.defineProperty(this, "conditionalFormats", {
        get: () => {
          ctx.use("Range.conditionalFormats", 6);
          return new CfCollectionP(ctx, self);
        },
      });
    }
    if (ctx.level >= 13) {
      (this as unknown as { getMergedAreasOrNullObject: () => MergedP }).getMergedAreasOrNullObject = () => {
        ctx.use("Range.getMergedAreasOrNullObject", 13);
        return new MergedP(ctx, self);
      };
    }
  }
  private cachedBox: RangeRef | null = null;
  target(): { sheet: FakeSheet; box: RangeRef } {
    const s = this.sheet();
    if (!s) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    // A proxy's range is fixed when Excel first resolves it (the used range does not move under a later write).
    if (!this.cachedBox) this.cachedBox = this.box();
    return { sheet: s, box: this.cachedBox };
  }
  writable(): { sheet: FakeSheet; box: RangeRef } {
    const t = this.target();
    if (t.sheet.protected) throw Object.assign(new Error("The cell or chart you're trying to change is on a protected sheet."), { code: "AccessDenied" });
    return t;
  }
  cellsOf(t: { sheet: FakeSheet; box: RangeRef }, f: (c: FakeCell | undefined, a1: string) => unknown): unknown[][] {
    const rows: unknown[][] = [];
    for (let r = t.box.top; r <= t.box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = t.box.left; c <= t.box.right; c++) {
        const a = toA1(r, c);
        row.push(f(t.sheet.cells[a], a));
      }
      rows.push(row);
    }
    return rows;
  }
  load(spec: string): this {
    this.ctx.use("Range.load", 1);
    const names = spec.split(",").map((s) => s.trim());
    this.ctx.op(() => {
      const t = this.target();
      names.forEach((n) => {
        let v: unknown;
        if (n === "rowIndex") v = t.box.top;
        else if (n === "columnIndex") v = t.box.left;
        else if (n === "rowCount") v = t.box.bottom - t.box.top + 1;
        else if (n === "columnCount") v = t.box.right - t.box.left + 1;
        else if (n === "address") v = "'" + t.sheet.name + "'!" + toA1(t.box.top, t.box.left) + ":" + toA1(t.box.bottom, t.box.right);
        else if (n === "values") v = this.cellsOf(t, (c) => (c && c.value !== undefined ? c.value : ""));
        else if (n === "text") v = this.cellsOf(t, (c) => (c ? (c.text !== undefined ? c.text : c.value !== undefined ? String(c.value) : "") : ""));
        else if (n === "numberFormat") v = this.cellsOf(t, (c) => (c && c.format) || "General");
        else if (n === "formulas") v = this.cellsOf(t, (c) => (c && c.formula) || (c && c.value !== undefined ? c.value : ""));
        else throw new Error("fake: cannot load Range." + n);
        this.data[n] = v;
        this.ctx.answer(v);
      });
    });
    return this;
  }
  protected setProp(name: string, v: unknown): void {
    this.ctx.use("Range." + name + "(set)", 1);
    this.ctx.write(() => {
      const t = this.writable();
      const rows = v as unknown[][];
      for (let r = t.box.top; r <= t.box.bottom; r++) {
        for (let c = t.box.left; c <= t.box.right; c++) {
          const a = toA1(r, c);
          const cell = (t.sheet.cells[a] = t.sheet.cells[a] || {});
          const x = rows[r - t.box.top][c - t.box.left];
          if (name === "values") {
            // Like typing: a string starting with "=" becomes a formula unless the cell is formatted as text.
            if (typeof x === "string" && x.charAt(0) === "=" && cell.format !== "@") cell.formula = x;
            else {
              cell.value = x as Value;
              cell.text = String(x);
            }
          } else if (name === "numberFormat") cell.format = String(x);
          else if (name === "formulas") {
            if (typeof x === "string" && x.charAt(0) === "=") cell.formula = x;
            else cell.value = x as Value;
          } else throw new Error("fake: cannot set Range." + name);
        }
      }
    });
  }
  select(): void {
    this.ctx.use("Range.select", 1);
    this.ctx.op(() => {
      const t = this.target();
      this.book().active = t.sheet.name;
      this.book().selected = toA1(t.box.top, t.box.left) + (t.box.bottom > t.box.top || t.box.right > t.box.left ? ":" + toA1(t.box.bottom, t.box.right) : "");
    });
  }
  book(): FakeBook {
    return (this.ctx as unknown as { book: FakeBook }).book;
  }
}

class FillP extends Proxy {
  constructor(ctx: Ctx, private range: RangeP) {
    super(ctx, ["color"]);
  }
  load(spec: string): this {
    this.ctx.use("RangeFill.load", 1);
    if (spec !== "color") throw new Error("fake: RangeFill.load(" + spec + ") — only color exists below 1.9");
    this.ctx.op(() => {
      const t = this.range.target();
      const c = t.sheet.cells[toA1(t.box.top, t.box.left)];
      // ExcelApi < 1.9 cannot tell No Fill from white: both read "#FFFFFF".
      this.data.color = c && c.fill ? c.fill : "#FFFFFF";
      this.ctx.answer(this.data.color);
    });
    return this;
  }
  protected setProp(_name: string, v: unknown): void {
    this.ctx.use("RangeFill.color(set)", 1);
    this.ctx.write(() => this.paint(String(v)));
  }
  clear(): void {
    this.ctx.use("RangeFill.clear", 1);
    this.ctx.write(() => this.paint(null));
  }
  private paint(color: string | null): void {
    const t = this.range.writable();
    for (let r = t.box.top; r <= t.box.bottom; r++)
      for (let c = t.box.left; c <= t.box.right; c++) {
        const a = toA1(r, c);
        const cell = (t.sheet.cells[a] = t.sheet.cells[a] || {});
        cell.fill = color;
      }
  }
}

class MergedP extends Proxy {
  constructor(ctx: Ctx, private range: RangeP) {
    super(ctx, ["address"]);
  }
  load(_spec: string): this {
    this.ctx.op(() => {
      const t = this.range.target();
      const areas = t.sheet.merges.filter((m) => intersects(parseRange(m)!, t.box));
      if (areas.length > 512) throw Object.assign(new Error("Too many merged areas"), { code: "GeneralException" });
      this.nulled = areas.length === 0;
      this.data.address = areas.map((m) => "'" + t.sheet.name + "'!" + m).join(", ");
      this.ctx.answer(this.data.address);
    });
    return this;
  }
}

/** CF.customOrNullObject after a load: null for rules of other types. */
class CustomOrNull {
  nulled: boolean | undefined;
  formula: string | undefined;
  get isNullObject(): boolean {
    if (this.nulled === undefined) throw new Error("PropertyNotLoaded: isNullObject");
    return this.nulled;
  }
  get rule(): { formula: string } {
    if (this.nulled !== false) throw new Error("PropertyNotLoaded (or null object): rule");
    return { formula: this.formula as string };
  }
}

class CfP extends Proxy {
  custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  customOrNullObject: CustomOrNull;
  constructor(ctx: Ctx, private get: () => FakeCf) {
    super(ctx, ["type"]);
    const self = this;
    const setter = (apply: (cf: FakeCf, v: string) => void) => ({
      set(v: string) {
        ctx.use("ConditionalFormat.custom(set)", 6);
        ctx.write(() => apply(self.get(), v));
      },
      configurable: true,
    });
    const rule = Object.defineProperty({}, "formula", setter((cf, v) => (cf.formula = v))) as { formula: string };
    const fill = Object.defineProperty({}, "color", setter((cf, v) => (cf.fill = v))) as { color: string };
    const font = Object.defineProperty({}, "color", setter((cf, v) => (cf.font = v))) as { color: string };
    this.custom = { rule, format: { fill, font } };
    this.customOrNullObject = new CustomOrNull();
  }
  fill(): void {
    const cf = this.get();
    this.data.type = cf.type;
    this.customOrNullObject.nulled = cf.type !== "Custom";
    this.customOrNullObject.formula = cf.formula;
    this.ctx.answer([cf.type, cf.formula]);
  }
  delete(): void {
    this.ctx.use("ConditionalFormat.delete", 6);
    this.ctx.write(() => {
      const cf = this.get();
      const s = (this.ctx as unknown as { book: FakeBook }).book.sheets.filter((x) => x.cfs.indexOf(cf) >= 0)[0];
      if (s.protected) throw Object.assign(new Error("protected"), { code: "AccessDenied" });
      s.cfs.splice(s.cfs.indexOf(cf), 1);
    });
  }
}

class CfCollectionP extends Proxy {
  constructor(ctx: Ctx, private range: RangeP, private areas?: RangeRef[]) {
    super(ctx, ["items"]);
  }
  add(type: string): CfP {
    this.ctx.use("ConditionalFormatCollection.add", 6);
    let made: FakeCf | null = null;
    this.ctx.write(() => {
      const t = this.range.writable();
      made = { appliesTo: t.box, type };
      if (this.areas) made.areas = this.areas;
      t.sheet.cfs.unshift(made); // add() puts the new rule at the top priority
    });
    return new CfP(this.ctx, () => made!);
  }
  load(spec: string): this {
    this.ctx.use("ConditionalFormatCollection.load", 6);
    if (spec.indexOf("items/custom/") >= 0) throw new Error("fake: loading items/custom fails when other CF types exist (office-js#2180)");
    this.ctx.op(() => {
      let t: { sheet: FakeSheet; box: RangeRef };
      try {
        t = this.range.target();
      } catch (_e) {
        this.data.items = []; // a null worksheet's collection is empty, not an error
        return;
      }
      this.data.items = t.sheet.cfs
        .filter((cf) => (cf.areas || [cf.appliesTo]).some((a) => intersects(a, t.box)))
        .map((cf) => {
          const p = new CfP(this.ctx, () => cf);
          p.fill();
          return p;
        });
    });
    return this;
  }
}

class NoteP extends Proxy {
  constructor(ctx: Ctx, private ws: WorksheetP, private cell: string) {
    super(ctx, ["content"]);
  }
  load(_spec: string): this {
    this.ctx.op(() => {
      const s = this.ws.target();
      const text = s ? s.notes[this.cell] : undefined;
      this.nulled = text === undefined;
      if (text !== undefined) this.data.content = text;
      this.ctx.answer(text || null);
    });
    return this;
  }
  protected setProp(_n: string, v: unknown): void {
    this.ctx.use("Note.content(set)", 18);
    this.ctx.write(() => (this.ws.writable().notes[this.cell] = String(v)));
  }
  delete(): void {
    this.ctx.use("Note.delete", 18);
    this.ctx.write(() => delete this.ws.writable().notes[this.cell]);
  }
}

class WorksheetP extends Proxy {
  protection?: { protected: boolean };
  constructor(ctx: Ctx, private find: () => FakeSheet | null, nullable: boolean) {
    super(ctx, ["name", "id", "visibility"]);
    const self = this;
    if (nullable) ctx.op(() => (self.nulled = !self.find()));
    if (ctx.level >= 2) {
      const prot = {} as { protected: boolean };
      Object.defineProperty(prot, "protected", { get: () => self.loadedField("protection/protected") });
      this.protection = prot;
    }
    if (ctx.level >= 7) {
      Object.defineProperty(this, "onSelectionChanged", {
        get: () => {
          ctx.use("Worksheet.onSelectionChanged", 7);
          return {
            add: (handler: (e: { address: string; worksheetId: string }) => unknown) => {
              ctx.op(() => ctx.log.selectionHandlers.push({ sheetId: self.target()!.id, handler: handler as never }));
            },
          };
        },
      });
    }
    if (ctx.level >= 18) {
      Object.defineProperty(this, "notes", {
        get: () => {
          ctx.use("Worksheet.notes", 18);
          return {
            getItemOrNullObject: (cell: string) => {
              ctx.use("NoteCollection.getItemOrNullObject", 18);
              return new NoteP(ctx, self, cell);
            },
            add: (cell: string, text: string) => {
              ctx.use("NoteCollection.add", 18);
              ctx.write(() => {
                const s = self.writable();
                if (s.notes[cell] !== undefined) throw new Error("fake: a note already exists at " + cell);
                s.notes[cell] = text;
              });
            },
          };
        },
      });
    }
  }
  private loadedField(path: string): unknown {
    if (!(path in this.data)) throw new Error("PropertyNotLoaded: " + path);
    return this.data[path];
  }
  target(): FakeSheet | null {
    return this.find();
  }
  writable(): FakeSheet {
    const s = this.find();
    if (!s) throw Object.assign(new Error("no sheet"), { code: "ItemNotFound" });
    if (s.protected) throw Object.assign(new Error("protected"), { code: "AccessDenied" });
    return s;
  }
  loadNow(names: string[]): void {
    const s = this.find()!;
    names.forEach((n) => {
      if (n === "protection/protected") {
        this.ctx.use("Worksheet.protection", 2);
        this.data[n] = s.protected;
      } else if (n === "name" || n === "id" || n === "visibility") this.data[n] = s[n];
      else throw new Error("fake: cannot load Worksheet." + n);
      this.ctx.answer(this.data[n]);
    });
  }
  load(spec: string): this {
    this.ctx.use("Worksheet.load", 1);
    const names = spec.split(",").map((x) => x.trim());
    this.ctx.op(() => {
      if (!this.find()) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
      this.loadNow(names);
    });
    return this;
  }
  getRanges(address: string): { conditionalFormats: CfCollectionP; address?: string } {
    this.ctx.use("Worksheet.getRanges", 9);
    const areas = address.split(",").map((a) => {
      const box = parseRange(a.trim());
      if (!box) throw new Error("fake: bad address " + a);
      return box;
    });
    if (areas.length > 500) throw new Error("fake: RangeAreas past ~500 areas fail (office-js#5198)");
    const bound = areas.reduce((b, a) => ({ top: Math.min(b.top, a.top), left: Math.min(b.left, a.left), bottom: Math.max(b.bottom, a.bottom), right: Math.max(b.right, a.right) }));
    const range = new RangeP(this.ctx, () => this.find(), () => bound);
    const ctx = this.ctx;
    return {
      get conditionalFormats(): CfCollectionP {
        ctx.use("RangeAreas.conditionalFormats", 9);
        return new CfCollectionP(ctx, range, areas);
      },
    };
  }
  get freezePanes(): { freezeRows: (n: number) => void } {
    this.ctx.use("Worksheet.freezePanes", 7);
    return {
      freezeRows: (n: number) => {
        this.ctx.use("WorksheetFreezePanes.freezeRows", 7);
        this.ctx.write(() => (this.writable().frozenRows = n));
      },
    };
  }
  get pageLayout(): { orientation: string; zoom: unknown; setPrintTitleRows: (r: string) => void } {
    this.ctx.use("Worksheet.pageLayout", 9);
    const self = this;
    const page = () => {
      const s = self.writable();
      return (s.page = s.page || {});
    };
    return {
      set orientation(v: string) {
        self.ctx.write(() => (page().orientation = v));
      },
      set zoom(v: unknown) {
        self.ctx.write(() => (page().zoom = v));
      },
      setPrintTitleRows: (r: string) => self.ctx.write(() => (page().titleRows = r)),
    } as unknown as { orientation: string; zoom: unknown; setPrintTitleRows: (r: string) => void };
  }
  getUsedRange(valuesOnly?: boolean): RangeP {
    this.ctx.use("Worksheet.getUsedRange", 1);
    if (valuesOnly !== undefined) this.ctx.use("Worksheet.getUsedRange(valuesOnly)", 2);
    return new RangeP(this.ctx, () => this.find(), () => boxOfCells(this.find()!, valuesOnly === true));
  }
  getRange(address?: string): RangeP {
    this.ctx.use("Worksheet.getRange", 1);
    const box = address ? parseRange(address) : WHOLE;
    if (!box) throw new Error("fake: bad address " + address);
    return new RangeP(this.ctx, () => this.find(), () => box);
  }
  activate(): void {
    this.ctx.use("Worksheet.activate", 1);
    this.ctx.op(() => {
      const s = this.find()!;
      if (s.visibility !== "Visible") throw Object.assign(new Error("This operation is not permitted for the current object."), { code: "InvalidOperation" });
      (this.ctx as unknown as { book: FakeBook }).book.active = s.name;
    });
  }
}

class WorksheetsP extends Proxy {
  constructor(ctx: Ctx, private book: FakeBook) {
    super(ctx, ["items"]);
    if (ctx.level >= 4) {
      (this as unknown as { getItemOrNullObject: (n: string) => WorksheetP }).getItemOrNullObject = (name: string) => {
        ctx.use("WorksheetCollection.getItemOrNullObject", 4);
        return new WorksheetP(ctx, () => this.byName(name), true);
      };
    }
  }
  /** getItem(key) takes a name or a Worksheet.id. */
  private byName(name: string): FakeSheet | null {
    return this.book.sheets.filter((s) => s.name === name || s.id === name)[0] || null;
  }
  load(spec: string): this {
    this.ctx.use("WorksheetCollection.load", 1);
    const names = spec.split(",").map((s) => s.trim().replace(/^items\//, ""));
    this.ctx.op(() => {
      this.data.items = this.book.sheets.map((s) => {
        const p = new WorksheetP(this.ctx, () => s, false);
        p.loadNow(names);
        return p;
      });
    });
    return this;
  }
  getItem(name: string): WorksheetP {
    this.ctx.use("WorksheetCollection.getItem", 1);
    const p = new WorksheetP(this.ctx, () => this.byName(name), false);
    this.ctx.op(() => {
      if (!this.byName(name)) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    });
    return p;
  }
  add(name: string): WorksheetP {
    this.ctx.use("WorksheetCollection.add", 1);
    this.ctx.write(() => {
      if (this.byName(name)) throw Object.assign(new Error("A sheet named " + name + " exists"), { code: "ItemAlreadyExists" });
      this.book.sheets.push(sheet(name, {}));
    });
    return new WorksheetP(this.ctx, () => this.byName(name), false);
  }
}

export interface FakeExcel {
  Excel: { run: (...args: unknown[]) => Promise<unknown> };
  book: FakeBook;
  log: FakeLog;
  /** Highest API level used by any call so far. */
  maxLevelUsed(): number;
}

/** A fake Excel host at ExcelApi `version` ("1.1", "1.6", …) over `book`. */
export function fakeExcel(version: string, book: FakeBook): FakeExcel {
  const level = levelNum(version);
  const log: FakeLog = { calls: [], syncs: 0, runs: 0, runsWaitingForCellEdit: 0, writesWithEventsOn: 0, runOptions: [], maxResponseBytes: 0, eventsOn: true, selectionHandlers: [] };
  const Excel = {
    run: async (...args: unknown[]) => {
      const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
      if (args.length > 1) log.runOptions.push(args[0]);
      log.runs++;
      const waits = args.length > 1 && (args[0] as { delayForCellEdit?: boolean }).delayForCellEdit === true;
      if (waits) log.runsWaitingForCellEdit++;
      const ctx = new Ctx(log, level);
      (ctx as unknown as { book: FakeBook }).book = book;
      const context: { [k: string]: unknown } = {
        workbook: { worksheets: new WorksheetsP(ctx, book) },
        sync: async () => {
          log.syncs++;
          // Real Excel queues the batch until the edit ends; the fake ends the edit (the user pressed Enter).
          if (book.cellEditMode) {
            if (!waits) throw Object.assign(new Error("The operation is not allowed while in cell-editing mode."), { code: "InvalidOperationInCellEditMode" });
          }
          ctx.response = 0;
          const ops = ctx.queue;
          ctx.queue = [];
          for (const op of ops) op();
          log.maxResponseBytes = Math.max(log.maxResponseBytes, ctx.response);
          if (ctx.response > RESPONSE_LIMIT) throw Object.assign(new Error("Response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
        },
      };
      if (level >= 5) {
        const runtime = {};
        Object.defineProperty(runtime, "enableEvents", {
          set: (v: boolean) => {
            ctx.use("Runtime.enableEvents", 8);
            ctx.op(() => (ctx.eventsOn = v));
          },
        });
        context.runtime = runtime;
      }
      return batch(context);
    },
  };
  return {
    Excel,
    book,
    log,
    maxLevelUsed: () => log.calls.reduce((m, c) => Math.max(m, c.level), 0),
  };
}

/** The Office global, built with office-addin-mock: requirement sets per level, document settings, actions. */
export function officeGlobal(version: string, settingsStore: { [k: string]: unknown } = {}): unknown {
  const level = levelNum(version);
  return new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, v?: string) => name === "ExcelApi" && levelNum(v || "1.1") <= level,
      },
      document: {
        settings: {
          get: (k: string) => (k in settingsStore ? settingsStore[k] : null),
          set: (k: string, v: unknown) => {
            settingsStore[k] = v;
          },
          remove: (k: string) => {
            delete settingsStore[k];
          },
          saveAsync: (cb?: () => void) => {
            if (cb) cb();
          },
        },
      },
    },
    onReady: async (cb?: (info: { host: string }) => void) => {
      const info = { host: "Excel" };
      if (cb) cb(info);
      return info;
    },
  });
}
