/**
 * Completeness of the published document (issue 12 item 5), beside what the engine already checks: a missing table
 * is S.1, an empty 公开07/08 without its statement T07.4/T08.2, a 目录 title worded differently from its heading
 * N-TOC. Added here:
 *   CP.1  an empty 公开09 (no amount, or none but 0) needs its statement (「…故本表为空表」), as 07/08 do;
 *   CP.2  every 情况说明 section the template pack requires (TemplatePack.document.sections) is present, with text;
 *   CP.3  the 目录 lists every section of the body, and every section it lists is in the body;
 *   CP.4  the 名词解释 part is present (TemplatePack.document.glossary).
 * Which sections are required is data of the pack (templates/2024.ts, a year or region patches `document`).
 *
 * Decisions (the issue is silent):
 *   - a section whose heading is recognised but has no text under it counts as missing (its heading is then
 *     read as a 目录 entry, narrative/sections.ts); a section written as a sub-heading 「(一)…」 of another section
 *     (Shanghai's 「十一、其他重要事项的情况说明」) counts as present;
 *   - CP.3 and CP.4 judge a whole document: a text with a 目录 or with 第一/二/三/四部分 headings. A workbook's 情况说明
 *     sheet holds only the 情况说明 part of the document; there neither check applies (nothing is counted);
 *   - no 情况说明 at all: CP.2 is 未审核 (无文本), once;
 *   - a missing section, a 目录 that does not match and a missing 名词解释 are 疑点: the sections are recognised by the
 *     words of their headings, which is inference (RULES.md §0.3).
 */
import { EXTERNAL_SHEET } from "../narrative/result";
import { auditNarrative, Source } from "../narrative/source";
import { Para } from "../narrative/normalise";
import { headingKind, Section } from "../narrative/sections";
import { AuditOptions } from "../options";
import { Recognition } from "../recognize";
import { Context } from "../rules/context";
import { WorkbookSnapshot } from "../types";

const T = "情况说明";
const EMPTY = /无数据|为空表|空表|没有|无此类|未发生|不涉及/;

/** CP.1: 公开09 without an amount other than 0 must say so under the table. */
function emptySangong(ctx: Context): void {
  const t = ctx.table("公开09");
  if (!t) return;
  for (const r of t.rows)
    for (const k in r.cells) {
      const c = r.cells[k];
      if (c.state === "number" && c.value && !c.value.isZero()) return;
    }
  const stated = !!t.emptyStatement || t.notes.some((n) => EMPTY.test(n));
  ctx.count(t.id, stated);
  if (!stated) ctx.note("CP.1", "warning", t, null, "公开09 没有数据（三公经费均为 0 或未填），但表下没有“本年度没有财政拨款“三公”经费支出，故本表为空表”之类的说明");
}

function where(src: Source, p: Para | null): { sheet: string; addr: string } | null {
  if (p && p.cell) return { sheet: p.cell.sheet, addr: p.cell.addr };
  return null;
}

function sheetOf(src: Source): string {
  return src.source === "external" ? EXTERNAL_SHEET : src.sheet || "";
}

/** A whole document (not only the 情况说明 part): it has a 目录, or headings of two parts (第一部分…第四部分). */
function wholeDocument(paras: Para[]): boolean {
  const parts: { [k: string]: boolean } = Object.create(null);
  for (const p of paras) {
    if (/^目录$/.test(p.text)) return true;
    const m = /^第([一二三四五])部分/.exec(p.text);
    if (m) parts[m[1]] = true;
  }
  return Object.keys(parts).length >= 2;
}

/**
 * Sections written as sub-headings of another one (「十一、其他重要事项的情况说明」 then 「(一)机关运行经费支出情况」,
 * as Shanghai documents do): their kinds, read as headingKind reads a top heading.
 */
function subSections(paras: Para[]): string[] {
  const kinds: string[] = [];
  for (const p of paras) {
    const m = /^\(([一二三四五六七八九十]+)\)(.{2,38})$/.exec(p.text);
    const k = m ? headingKind(m[1] + "、" + m[2]) : null;
    if (k && kinds.indexOf(k) < 0) kinds.push(k);
  }
  return kinds;
}

export function completenessRules(ctx: Context, rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions): void {
  emptySangong(ctx);
  const spec = ctx.template.document;
  if (!spec) return;
  // the narrative and its outline as analyseNarrative read them in this audit (read once)
  const { src, out } = auditNarrative(ctx, rec, snapshot, options);
  if (!src.paras.length) {
    ctx.unchecked("CP.2", T, "无文本", "没有情况说明，模板要求的 " + spec.sections.length + " 节是否齐全未审核");
    return;
  }
  const subs = subSections(src.paras);
  const has = (kind: string) => out.sections.some((s) => s.kind === kind) || subs.indexOf(kind) >= 0;
  const missing: string[] = [];
  // a heading in the body (after the first section) with no text under it, as opposed to a 目录 entry
  const firstBody = out.sections.length ? src.paras.indexOf(out.sections[0].heading) : src.paras.length;
  for (const req of spec.sections) {
    const ok = has(req.kind);
    ctx.count(T, ok);
    if (!ok) {
      missing.push(req.kind);
      const heading = out.toc.filter((s) => s.kind === req.kind && src.paras.indexOf(s.heading) > firstBody)[0];
      ctx.note("CP.2", "warning", null, heading ? where(src, heading.heading) : null, "情况说明缺少“" + req.name + "”一节" + (heading ? "（有标题“" + heading.title + "”而其下没有文字）" : "") + "；模板要求情况说明包括该节", { table: T, sheet: sheetOf(src) });
    }
  }
  if (!wholeDocument(src.paras)) return;
  tocRules(ctx, src, out.toc, out.sections, missing);
  // CP.4: 名词解释, a heading with text after it
  if (spec.glossary) {
    const at = src.paras.map((p, i) => (/^(?:第[一二三四五六七八九十]+部分)?名词解释$/.test(p.text) ? i : -1)).filter((i) => i >= 0);
    const ok = at.some((i) => i + 1 < src.paras.length && !/^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.*(?:情况|说明)$)/.test(src.paras[i + 1].text));
    ctx.count(T, ok);
    if (!ok) ctx.note("CP.4", "warning", null, at.length ? where(src, src.paras[at[0]]) : null, at.length ? "目录列有“名词解释”，但文中没有名词解释的内容" : "文件中没有“名词解释”部分；模板要求公开的决算包括名词解释", { table: T, sheet: sheetOf(src) });
  }
}

/** CP.3: the 目录 (entries before the body) and the body's sections list the same sections. */
function tocRules(ctx: Context, src: Source, toc: Section[], body: Section[], missing: string[]): void {
  const first = body.length ? src.paras.indexOf(body[0].heading) : src.paras.length;
  const entries = toc.filter((s) => src.paras.indexOf(s.heading) < first);
  if (!entries.length) {
    const ok = false;
    ctx.count(T, ok);
    ctx.note("CP.3", "warning", null, null, "文件中没有列出情况说明各节的目录", { table: T, sheet: sheetOf(src) });
    return;
  }
  for (const s of body) {
    const ok = entries.some((e) => e.kind === s.kind);
    ctx.count(T, ok);
    if (!ok) ctx.note("CP.3", "warning", null, where(src, s.heading), "正文有“" + s.title + "”一节，目录中未列出", { table: T, sheet: sheetOf(src) });
  }
  for (const e of entries) {
    if (body.some((s) => s.kind === e.kind) || missing.indexOf(e.kind) >= 0) continue;
    ctx.count(T, false);
    ctx.note("CP.3", "warning", null, where(src, e.heading), "目录列有“" + e.title + "”，正文中没有这一节", { table: T, sheet: sheetOf(src) });
  }
}
