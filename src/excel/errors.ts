/**
 * Office.js errors as one Chinese sentence that says what happened and what to do (issue 10: "errors reach the
 * user as one Chinese sentence"). The pane shows these verbatim; the raw message never reaches the user, except
 * in parentheses for codes we do not know, so a support call can still name it.
 * Codes: OfficeExtension.Error.code, see office-js-docs-reference "Excel JavaScript API error codes".
 */

export interface OfficeErrorLike {
  code?: string;
  message?: string;
  name?: string;
}

/** Marks an error whose message is already the sentence for the user. */
export const USER_MESSAGE = "JuesuanUserMessage";

export function userError(message: string): Error {
  const e = new Error(message);
  (e as Error & { code?: string }).code = USER_MESSAGE;
  return e;
}

/** The action in progress, for the sentence ("写入标记", "读取工作簿" …). */
export function describeOfficeError(e: unknown, action: string): string {
  const err = (e || {}) as OfficeErrorLike;
  const code = err.code || "";
  switch (code) {
    case USER_MESSAGE:
      return String(err.message);
    case "InvalidOperationInCellEditMode":
      return "Excel 正在编辑单元格，无法" + action + "：请按 Enter 或 Esc 结束编辑后再试。";
    case "AccessDenied":
      return "工作表受保护或文件为只读，无法" + action + "：请撤销工作表保护（审阅 → 撤销工作表保护）或另存为可编辑的文件后再试。";
    case "ItemNotFound":
      return "要" + action + "的工作表或单元格已不存在（可能已被删除或重命名）：请重新审核后再试。";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "工作簿数据量超出 Excel 单次请求的上限，无法" + action + "：请删除工作表中多余的空行空列后再试。";
    case "Unauthenticated":
    case "PermissionDenied":
      return "没有权限" + action + "：请确认文件未以只读方式打开后再试。";
    case "GeneralException":
    case "InternalError":
      return "Excel 暂时无法" + action + "：请稍候再试，若仍失败请保存并重新打开工作簿。";
    case "Conflict":
      return "另一位协作者正在修改同一处，无法" + action + "：请稍候再试。";
    default:
      return "未能" + action + "（" + (code || err.message || String(e)).slice(0, 120) + "）：请重试，若仍失败请保存并重新打开工作簿。";
  }
}

/** Errors that mean "this sheet is protected (or read-only)": the caller skips the sheet and names it. */
export function isProtectionError(e: unknown): boolean {
  const code = ((e || {}) as OfficeErrorLike).code;
  return code === "AccessDenied";
}
