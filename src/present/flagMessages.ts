/**
 * The sentences the pane and the ribbon command show after writing or clearing flags: one place, so both say the
 * same thing. Each names what was left undone and what to do.
 */

export function skippedMessage(sheets: string[]): string {
  return "以下工作表受保护，未作标记：" + sheets.join("、") + "。审核结果仍列在任务窗格中；如需标记，请先撤销工作表保护。";
}

export function clearMessage(cleared: number, notCleared: { sheet: string; reason: string }[]): string {
  const done = cleared > 0 ? "已清除 " + cleared + " 处标记" : "没有可清除的标记";
  if (!notCleared.length) return done + "。";
  const list = notCleared
    .map(function (x) {
      return x.sheet + "（" + x.reason + "）";
    })
    .join("、");
  return done + "；以下工作表的标记未能清除：" + list + "。请撤销工作表保护后再点「清除标记」。";
}

/** Navigation to a cell on a hidden sheet: the sheet is never unhidden, the user is told how. */
export function hiddenSheetMessage(sheet: string): string {
  return "工作表「" + sheet + "」已隐藏，无法定位：如需查看，请右键工作表标签 →「取消隐藏」后再点这条结果。";
}
