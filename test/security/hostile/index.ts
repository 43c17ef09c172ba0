/**
 * Every hostile input as bytes, built in memory (issue 13): one generator per file, and `allHostile()` for the
 * batch test. Each of these must be refused by the reader with one Chinese sentence, quickly and within the memory
 * budget, and must never disturb the report of another file. `scale` < 1 builds smaller versions for unit tests.
 */
import { csvAsXls, dotDotNames, htmlAsXls, hugeDimension, truncatedWorkbook, xmlEntities, zipDeclaredHuge, zipLyingSize, zipRatioBomb } from "./classic";
import { docxBomb, docxHiddenDirectory } from "./docx";
import { extremeNumbers, mergesBomb, namespacedCells } from "./sheets";
import { zipHiddenDirectory, zipLocalNameDiffers, zipLocalSizesZero, zipStoredVsDeflate } from "./zipViews";

export { csvAsXls, dotDotNames, htmlAsXls, hugeDimension, truncatedWorkbook, xmlEntities, zipDeclaredHuge, zipLyingSize, zipRatioBomb };
export { docxBomb, docxHiddenDirectory };
export { extremeNumbers, mergesBomb, namespacedCells };
export { mergesOverlapping } from "./sheets";
export { zipHiddenDirectory, zipLocalNameDiffers, zipLocalSizesZero, zipStoredVsDeflate };

export interface Hostile {
  /** A file name for it (the extension is what a sender would give it). */
  name: string;
  bytes: Buffer;
}

/** The workbook-side hostile files at full size (about 17 MB in all, built in well under a second); each is refused. */
export function allHostile(): Hostile[] {
  return [
    { name: "zip-hidden-directory.xlsx", bytes: zipHiddenDirectory() },
    { name: "zip-stored-vs-deflate.xlsx", bytes: zipStoredVsDeflate() },
    { name: "zip-local-sizes-zero.xlsx", bytes: zipLocalSizesZero() },
    { name: "zip-local-name-differs.xlsx", bytes: zipLocalNameDiffers() },
    { name: "merges-bomb.xlsx", bytes: mergesBomb() },
    { name: "namespaced-cells.xlsx", bytes: namespacedCells() },
    { name: "docx-bomb-as-workbook.xlsx", bytes: docxBomb() },
    { name: "zip-ratio-bomb.xlsx", bytes: zipRatioBomb() },
    { name: "zip-declared-huge.xlsx", bytes: zipDeclaredHuge() },
    { name: "zip-lying-size.xlsx", bytes: zipLyingSize() },
    { name: "truncated.xlsx", bytes: truncatedWorkbook() },
    { name: "html-as.xls", bytes: htmlAsXls() },
    { name: "csv-as.xls", bytes: csvAsXls() },
    { name: "huge-dimension.xlsx", bytes: hugeDimension() },
    { name: "dot-dot-names.xlsx", bytes: dotDotNames() },
  ];
}

/**
 * Hostile files that are read, harmlessly: entities are left unexpanded, extreme numbers become unreadable amounts.
 * Their reports must still come out (ok: true) without delay.
 */
export function allReadableHostile(): Hostile[] {
  return [
    { name: "xml-entities.xlsx", bytes: xmlEntities() },
    { name: "extreme-numbers.xlsx", bytes: extremeNumbers() },
  ];
}

/** Hostile narratives for --narrative (.docx). */
export function allHostileNarratives(): Hostile[] {
  return [
    { name: "docx-bomb.docx", bytes: docxBomb() },
    { name: "docx-hidden-directory.docx", bytes: docxHiddenDirectory() },
  ];
}
