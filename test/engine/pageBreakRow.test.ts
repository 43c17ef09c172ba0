/**
 * Issue 9: isPageBreakRow runs for every data row and now stops at the second text once one is not page-break
 * matter. It must decide every row as the plain version before it did (kept here as the reference), on random rows
 * built from header texts, page marks, small numbers, 合计, the title with 续表, codes, names and amounts.
 */
import fc from "fast-check";
import { Grid } from "../../src/engine/grid";
import { isPageBreakRow, isSequenceRow } from "../../src/engine/recognize/header";
import { normKey } from "../../src/engine/text";

const PAGE_MARK = /^(?:第\d+页(?:[,，]?共\d+页)?|共\d+页|[-—－]+\d{1,3}[-—－]+|\d{1,3}\/\d{1,3}|\d{1,3}|续表\d*|\(续(?:表)?\)|续|续上表|接上表|page\d+(?:of\d+)?)$/i;
const META_LINE = /^(?:(?:编制|填报|金额)?单位|部门|单位名称)[:：]|^(?:金额)?单位[:：]?(?:万元|元|千元|亿元)$/;

function reference(grid: Grid, r: number, c1: number, c2: number, head: { [t: string]: boolean }, title: string): boolean {
  if (isSequenceRow(grid, r, c1, c2)) return true;
  const tk = normKey(title);
  const texts: string[] = [];
  for (let c = c1; c <= c2; c++) {
    if (grid.mergeOf(r, c)) continue;
    const t = normKey(grid.text(r, c));
    if (t !== "") texts.push(t);
  }
  if (!texts.length || /^(?:合计|总计)$/.test(texts[0])) return false;
  if (texts.length === 1 && /^\d{1,3}$/.test(texts[0])) return true;
  for (const t of texts) {
    if (head[t] || (PAGE_MARK.test(t) && !/^\d+$/.test(t)) || META_LINE.test(t)) continue;
    if (tk && t.indexOf(tk) >= 0 && t.length <= tk.length + 8) continue;
    return false;
  }
  return true;
}

const TITLE = "一般公共预算财政拨款支出决算表";
const HEAD = ["项目", "科目编码", "科目名称", "本年支出", "基本支出", "项目支出", "栏次"];
const TEXTS = HEAD.concat(["", "", "", " ", "合计", "总计", "1", "2", "3", "12", "第2页", "共3页", "- 2 -", "2/3", "续表", "（续）", "续", "单位：万元", "编制单位：某局", "部门：某局", TITLE, TITLE + "（续）", "续表 " + TITLE, "2010301", "行政运行", "585.44", "0.00", "—", "说明", "constructor"]);

const row = fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 8 });

test("isPageBreakRow decides every random row as the plain version did", () => {
  const head: { [t: string]: boolean } = Object.create(null);
  for (const h of HEAD) head[normKey(h)] = true;
  fc.assert(
    fc.property(row, fc.boolean(), (texts, merged) => {
      const values = [texts.map((t) => (t === "" ? null : t))];
      // a merged pair over the first two cells hides the second one
      const grid = new Grid({ name: "s", visibility: "visible", top: 0, left: 0, values, text: [texts], merges: merged && texts.length > 1 ? ["A1:B1"] : [] });
      return isPageBreakRow(grid, 0, 0, texts.length - 1, head, TITLE) === reference(grid, 0, 0, texts.length - 1, head, TITLE);
    }),
    { numRuns: 5000 },
  );
});

test("a data row, a repeated header, a lone page number and the title with 续表 are told apart", () => {
  const head: { [t: string]: boolean } = Object.create(null);
  for (const h of HEAD) head[normKey(h)] = true;
  const at = (texts: string[]) => isPageBreakRow(new Grid({ name: "s", visibility: "visible", top: 0, left: 0, values: [texts], text: [texts], merges: [] }), 0, 0, texts.length - 1, head, TITLE);
  expect(at(["2010301", "行政运行", "585.44"])).toBe(false);
  expect(at(["科目编码", "科目名称", "本年支出"])).toBe(true);
  expect(at(["", "3", ""])).toBe(true);
  expect(at(["3", "585.44"])).toBe(false);
  expect(at([TITLE + "（续）"])).toBe(true);
  expect(at(["合计", "续表"])).toBe(false);
});
