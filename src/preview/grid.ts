/**
 * A read-only rendering of a WorkbookSnapshot: sheet tabs, row/column headers, merged cells as row/colspans,
 * displayed text. Flags and the selection are attributes on the cells, the stable hooks of the e2e test:
 * data-flag="error|warning|tail" (checked value), data-flag-related (operand), data-selected.
 */
import { SheetSnapshot, WorkbookSnapshot } from "../engine";
import { columnName, parseCell, parseRange, toA1 } from "../present/address";
import { CellFlag } from "../present/flagPlan";

/** Rows drawn per sheet; a preview, not a spreadsheet: past this the grid says how many rows are not shown. */
const MAX_ROWS = 3000;

interface CellMark {
  kind: string;
  related: boolean;
  note?: string;
}

export class Grid {
  private book: WorkbookSnapshot = { sheets: [] };
  private active = "";
  private flags: { [sheet: string]: { [cell: string]: CellMark } } = {};
  private selected: { sheet: string; cell: string } | null = null;
  private listeners: ((sheet: string, cell: string) => void)[] = [];

  constructor(private readonly tabs: HTMLElement, private readonly table: HTMLElement, private readonly status: HTMLElement) {
    const self = this;
    table.onclick = function (e: MouseEvent) {
      let node = e.target as HTMLElement | null;
      while (node && node !== table && !node.getAttribute("data-cell")) node = node.parentElement;
      const cell = node && node !== table ? node.getAttribute("data-cell") : null;
      if (!cell) return;
      self.select(self.active, cell);
      self.listeners.forEach(function (cb) {
        cb(self.active, cell);
      });
    };
  }

  load(book: WorkbookSnapshot): void {
    this.book = book;
    this.flags = {};
    this.selected = null;
    const first = book.sheets.filter(function (s) {
      return s.visibility === "visible";
    })[0];
    this.active = first ? first.name : book.sheets.length ? book.sheets[0].name : "";
    this.render();
  }

  snapshot(): WorkbookSnapshot {
    return this.book;
  }

  sheetNames(): string[] {
    return this.book.sheets.map(function (s) {
      return s.name;
    });
  }

  addSheet(sheet: SheetSnapshot): void {
    this.book.sheets.push(sheet);
    this.showSheet(sheet.name);
  }

  onSelect(cb: (sheet: string, cell: string) => void): void {
    this.listeners.push(cb);
  }

  showSheet(name: string): void {
    if (this.active === name) return;
    this.active = name;
    this.render();
  }

  setFlags(flags: CellFlag[], notes: { [key: string]: string }): void {
    const map: { [sheet: string]: { [cell: string]: CellMark } } = {};
    flags.forEach(function (f) {
      (map[f.sheet] = map[f.sheet] || {})[f.cell] = { kind: f.kind, related: f.related, note: notes[f.sheet + "!" + f.cell] };
    });
    this.flags = map;
    this.render();
  }

  clearFlags(): number {
    let n = 0;
    for (const s in this.flags) n += Object.keys(this.flags[s]).length;
    this.flags = {};
    this.render();
    return n;
  }

  select(sheet: string, cell: string): void {
    this.selected = { sheet: sheet, cell: cell.replace(/\$/g, "").toUpperCase() };
    if (this.active !== sheet) {
      this.active = sheet;
      this.render();
    } else this.paintSelection();
    const td = this.table.querySelector('[data-selected="true"]') as HTMLElement | null;
    if (td && typeof td.scrollIntoView === "function") td.scrollIntoView({ block: "center", inline: "center" });
  }

  private sheet(): SheetSnapshot | null {
    const name = this.active;
    return (
      this.book.sheets.filter(function (s) {
        return s.name === name;
      })[0] || null
    );
  }

  private render(): void {
    this.renderTabs();
    this.renderTable();
  }

  private renderTabs(): void {
    const self = this;
    while (this.tabs.firstChild) this.tabs.removeChild(this.tabs.firstChild);
    this.book.sheets.forEach(function (s) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "pv-tab" + (s.name === self.active ? " pv-tab-active" : "") + (s.visibility !== "visible" ? " pv-tab-hidden" : "");
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", s.name === self.active ? "true" : "false");
      b.setAttribute("data-sheet", s.name);
      b.textContent = s.name + (s.visibility !== "visible" ? "（隐藏）" : "") + (s.protected ? " 🔒" : "");
      const marks = self.flags[s.name];
      if (marks && Object.keys(marks).length) b.setAttribute("data-flagged", "true");
      b.onclick = function () {
        self.showSheet(s.name);
      };
      self.tabs.appendChild(b);
    });
  }

  private renderTable(): void {
    const t = this.table;
    while (t.firstChild) t.removeChild(t.firstChild);
    const s = this.sheet();
    if (!s) return;
    const rows = Math.min(s.values.length, MAX_ROWS);
    const cols = s.values.length ? s.values[0].length : 0;
    const covered: { [k: string]: boolean } = {};
    const spans: { [k: string]: { r: number; c: number } } = {};
    s.merges.forEach(function (m) {
      const box = parseRange(m);
      if (!box) return;
      spans[toA1(box.top, box.left)] = { r: box.bottom - box.top + 1, c: box.right - box.left + 1 };
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) covered[toA1(r, c)] = true;
    });

    const head = document.createElement("thead");
    const hr = document.createElement("tr");
    hr.appendChild(document.createElement("th"));
    for (let c = 0; c < cols; c++) {
      const th = document.createElement("th");
      th.textContent = columnName(s.left + c);
      hr.appendChild(th);
    }
    head.appendChild(hr);
    t.appendChild(head);

    const marks = this.flags[s.name] || {};
    const body = document.createElement("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = String(s.top + r + 1);
      tr.appendChild(th);
      for (let c = 0; c < cols; c++) {
        const addr = toA1(s.top + r, s.left + c);
        if (covered[addr]) continue;
        const td = document.createElement("td");
        td.setAttribute("data-cell", addr);
        const span = spans[addr];
        if (span) {
          if (span.r > 1) td.rowSpan = span.r;
          if (span.c > 1) td.colSpan = span.c;
        }
        td.textContent = s.text[r][c];
        if (typeof s.values[r][c] === "number") td.className = "pv-num";
        const mark = marks[addr];
        if (mark) {
          td.setAttribute(mark.related ? "data-flag-related" : "data-flag", mark.kind);
          if (mark.note) td.title = mark.note;
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    t.appendChild(body);
    this.status.textContent = s.values.length > rows ? "仅显示前 " + rows + " 行（共 " + s.values.length + " 行）" : "";
    this.paintSelection();
  }

  private paintSelection(): void {
    const old = this.table.querySelectorAll("[data-selected]");
    for (let i = 0; i < old.length; i++) old[i].removeAttribute("data-selected");
    if (!this.selected || this.selected.sheet !== this.active) return;
    const at = parseCell(this.selected.cell);
    if (!at) return;
    const td = this.findCell(this.selected.cell);
    if (td) td.setAttribute("data-selected", "true");
  }

  /** The td showing a cell; a cell hidden inside a merge resolves to the merge's top-left td. */
  private findCell(cell: string): HTMLElement | null {
    const direct = this.table.querySelector('td[data-cell="' + cell + '"]') as HTMLElement | null;
    if (direct) return direct;
    const s = this.sheet();
    const at = parseCell(cell);
    if (!s || !at) return null;
    for (let i = 0; i < s.merges.length; i++) {
      const box = parseRange(s.merges[i]);
      if (box && at.row >= box.top && at.row <= box.bottom && at.col >= box.left && at.col <= box.right) {
        return this.table.querySelector('td[data-cell="' + toA1(box.top, box.left) + '"]') as HTMLElement | null;
      }
    }
    return null;
  }
}
