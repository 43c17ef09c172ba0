/**
 * What the running Excel can do. The manifest asks only for ExcelApi 1.1 (Office 2016); everything newer is asked
 * for here, once, with Office.context.requirements.isSetSupported, and the adapter branches on these booleans only.
 */

export interface ExcelCapabilities {
  /** Highest ExcelApi 1.x the host reports, e.g. "1.7". */
  level: string;
  /** getUsedRange(valuesOnly), Worksheet.protection (1.2). */
  usedRangeValuesOnly: boolean;
  protection: boolean;
  /** getItemOrNullObject on collections (1.4). */
  nullObjects: boolean;
  /** Conditional formats and CF.customOrNullObject (1.6). */
  conditionalFormats: boolean;
  /** Worksheet.onSelectionChanged (1.7). */
  selectionEvents: boolean;
  /** context.runtime.enableEvents (1.8). */
  enableEvents: boolean;
  /** Worksheet.getRanges → RangeAreas, with conditionalFormats over many areas (1.9). */
  rangeAreas: boolean;
  /** Range.getMergedAreasOrNullObject (1.13). */
  mergedAreas: boolean;
  /** Worksheet.notes (1.18). */
  notes: boolean;
}

/** The ExcelApi minor versions we know of, in order; detection stops at the first one the host lacks. */
const MINORS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  let minor = 0;
  for (let i = 0; i < MINORS.length; i++) {
    if (!isSetSupported("ExcelApi", "1." + MINORS[i])) break;
    minor = MINORS[i];
  }
  const at = function (m: number): boolean {
    return minor >= m;
  };
  return {
    level: "1." + minor,
    usedRangeValuesOnly: at(2),
    protection: at(2),
    nullObjects: at(4),
    conditionalFormats: at(6),
    selectionEvents: at(7),
    enableEvents: at(8),
    rangeAreas: at(9),
    mergedAreas: at(13),
    notes: at(18),
  };
}

/** Capabilities of the Office host this page runs in. */
export function officeCapabilities(): ExcelCapabilities {
  return detectCapabilities(function (name, v) {
    return Office.context.requirements.isSetSupported(name, v);
  });
}
