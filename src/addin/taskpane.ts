/**
 * Task pane entry in Excel: the ribbon's 审核工作簿 opens this page, which audits at once. The audit writes no
 * flags: they come only from 标记单元格 or the setting 审核后自动标记单元格 (issue 10; src/taskpane/pane.ts).
 */
import { auditWithNarrative } from "../engine";
import { ExcelHost } from "../excel/excelHost";
import { mountPane } from "../taskpane/pane";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch (_e) {
    return null;
  }
}

Office.onReady(function () {
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, new ExcelHost(), {
    audit: function (s, o) {
      return auditWithNarrative(s, o);
    },
    storage: storage(),
    previous: function () {
      return import(/* webpackChunkName: "previous-year" */ "../io/previousYear");
    },
  });
  void pane.audit();
});
