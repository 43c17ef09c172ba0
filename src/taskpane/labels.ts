/** zh-CN wording used by the pane, the report sheet and the preview, in accountants' terms. */
import { Severity } from "../engine/types";

export const SEVERITY_LABEL: { [k in Severity]: string } = { error: "不符", warning: "疑点", tail: "尾差", info: "说明" };

/** Display order: most serious first. */
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "tail", "info"];

export const S = {
  title: "决算审核",
  audit: "审核工作簿",
  reaudit: "重新审核",
  clear: "清除标记",
  export: "导出审核报告",
  cancel: "取消",
  notesOption: "在单元格备注中写入说明",
  notesUnavailable: "（需要 Excel 2024 / Microsoft 365 的备注功能）",
  reading: "正在读取工作簿…",
  auditing: "正在审核勾稽关系…",
  flagging: "正在标记单元格…",
  cancelled: "已取消审核。",
  cleared: "已清除标记",
  noFindings: "未发现问题：各表勾稽关系相符。",
  tablesFound: "已识别的表",
  tablesMissing: "未找到",
  checks: "检查项",
  filterAll: "全部表",
  filterSeverity: "按类别筛选",
  filterTable: "按表筛选",
  expected: "审核数",
  actual: "报表数",
  difference: "差额",
  tolerance: "容差",
  cause: "源于",
  echoes: "连带尾差",
  related: "相关单元格",
  selectedCell: "所选单元格",
  exported: "已生成工作表",
  workbookLevel: "工作簿",
};
