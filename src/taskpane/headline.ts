/**
 * The status line after an audit (issue 10 item 1): says where the 不符 are, so it never suggests the tables are
 * wrong when only the 情况说明 or 绩效 disagrees ("九张表无不符；不符 14 处都在文字中：情况说明 13、绩效 1").
 * Counts are of the findings still open (reviewed ones are counted apart).
 */
import { Finding, TABLE_IDS } from "../engine";
import { tableKey } from "../present/groups";

const TEXT_TABLES = ["情况说明", "绩效"];

export function headline(open: Finding[], missing: string[], reviewed: number): string {
  const byTable: { [t: string]: number } = {};
  const order: string[] = [];
  const n = { error: 0, warning: 0, tail: 0, info: 0 };
  open.forEach(function (f) {
    n[f.severity]++;
    if (f.severity !== "error") return;
    const t = tableKey(f);
    if (!byTable[t]) {
      byTable[t] = 0;
      order.push(t);
    }
    byTable[t]++;
  });
  const inText = order.filter(function (t) {
    return TEXT_TABLES.indexOf(t) >= 0;
  });
  const inTables = order.filter(function (t) {
    return TEXT_TABLES.indexOf(t) < 0;
  });
  const found = TABLE_IDS.length - missing.length;
  const list = function (ts: string[]): string {
    return ts
      .map(function (t) {
        return t + " " + byTable[t];
      })
      .join("、");
  };
  const sum = function (ts: string[]): number {
    return ts.reduce(function (a, t) {
      return a + byTable[t];
    }, 0);
  };
  const parts: string[] = [];
  if (!inTables.length) parts.push((missing.length ? "已找到的 " + found + " 张表" : "九张表") + "无不符");
  else parts.push("表中不符 " + sum(inTables) + " 处：" + list(inTables));
  if (inText.length) parts.push((inTables.length ? "文字中不符 " : "不符 ") + sum(inText) + " 处" + (inTables.length ? "" : "都在文字中") + "：" + list(inText));
  const rest: string[] = [];
  if (n.warning) rest.push("疑点 " + n.warning);
  if (n.tail) rest.push("尾差 " + n.tail);
  if (n.info) rest.push("提示 " + n.info);
  if (reviewed) rest.push("已复核 " + reviewed);
  return "审核完成：" + parts.join("；") + "。" + (rest.length ? rest.join("，") + "。" : "");
}
