/**
 * The part of WPS 表格's object model (ET, reached as `window.Application` in a WPS 加载项) this adapter uses, typed
 * from the WPS JS API documentation (open.wps.cn / solution.wps.cn「Excel」object pages, which follow Excel VBA's
 * names: docs/install-wps.md lists the pages). Nothing else is called; test/wps/fakeEt.ts models exactly this and
 * throws on any other member.
 *
 * Every property read, property write and method call here crosses from the page into WPS (one "call"); the adapter
 * is written to keep their number small (test/wps counts them).
 */

/** XlSheetVisibility: xlSheetVisible −1, xlSheetHidden 0, xlSheetVeryHidden 2. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone / xlColorIndexNone: a cell without fill reports Interior.ColorIndex −4142. */
export const XL_NONE = -4142;
/** XlFormatConditionType.xlExpression: a rule whose formula decides. */
export const XL_EXPRESSION = 2;
/** MsoDocProperties.msoPropertyTypeString. */
export const MSO_PROPERTY_STRING = 4;

export interface EtCount {
  readonly Count: number;
}

export interface EtInterior {
  /** BGR as in VBA's RGB(): r + 256·g + 65536·b. */
  Color: number;
  ColorIndex: number;
}

export interface EtFont {
  Color: number;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  Delete(): void;
}

export interface EtFormatConditions extends EtCount {
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  /** A 2-D array (rows of cells) for a multi-cell range, the bare value for one cell; set the same way. */
  Value2: unknown;
  readonly Formula: unknown;
  /** The shared format, or null when the cells differ (as in Excel); set with one string for every cell. */
  NumberFormat: unknown;
  /** The displayed text of one cell. */
  readonly Text: unknown;
  /** True / false, or null when the range holds merged and unmerged cells (as in Excel). */
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Interior: EtInterior;
  readonly FormatConditions: EtFormatConditions;
  Select(): void;
  /** Width in characters of the default font (as in Excel VBA). */
  ColumnWidth: number;
  WrapText: boolean;
}

export interface EtWorksheet {
  Name: string;
  readonly Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
}

export interface EtWorksheets extends EtCount {
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet before `before` or after `after` (as in Excel VBA: Add(Before, After)). */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtDocumentProperty {
  readonly Name: string;
  readonly Value: unknown;
  Delete(): void;
}

export interface EtDocumentProperties extends EtCount {
  Item(index: number): EtDocumentProperty;
  Add(name: string, linkToContent: boolean, type: number, value: string): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtWorksheets;
  readonly CustomDocumentProperties: EtDocumentProperties;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}

/** "#RRGGBB" → ET's BGR number. */
export function bgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 255) + ((n >> 8) & 255) * 256 + (n & 255) * 65536;
}

/** ET's BGR number → "#RRGGBB". */
export function hexOf(color: number): string {
  const r = color & 255;
  const g = (color >> 8) & 255;
  const b = (color >> 16) & 255;
  const h = (r * 65536 + g * 256 + b).toString(16).toUpperCase();
  return "#" + "000000".slice(h.length) + h;
}

/** The open workbook, or an Error with one Chinese sentence. */
export function activeBook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("没有打开的工作簿：请先在 WPS 表格中打开要审核的决算工作簿。");
  return wb;
}
