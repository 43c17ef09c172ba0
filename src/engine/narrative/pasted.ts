/**
 * Whether a text someone pasted is a 情况说明 at all: the section headings the narrative checks recognise
 * (sections.ts, by the words of the heading, not its number). The pane accepts pasted text only when at least
 * one section heading with a body is found, so one unrelated sentence can no longer replace the workbook's own
 * narrative (issue 10 item 3).
 */
import { paragraphs } from "./normalise";
import { outline } from "./sections";

/** Titles of the recognised sections that have a body, in text order ("一、收入支出决算总体情况说明"). */
export function narrativeHeadings(text: string): string[] {
  const doc = String(text || "").replace(/^\ufeff/, "");
  if (!doc.replace(/\s+/g, "")) return [];
  return outline(paragraphs(doc, 0, doc.length, null)).sections.map(function (s) {
    return s.title;
  });
}
