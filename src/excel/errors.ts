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

const RETRY = "请稍候再试，若仍失败请保存并重新打开工作簿。";

/** Code → [why, what to do]; the sentence is why + "，无法" + action + "：" + what to do. */
const REASONS: { [code: string]: [string, string] } = {
  InvalidOperationInCellEditMode: ["Excel 正在编辑单元格", "请按 Enter 或 Esc 结束编辑后再试。"],
  AccessDenied: ["工作表受保护或文件为只读", "请撤销工作表保护或另存为可编辑的文件后再试。"],
  ItemNotFound: ["工作表或单元格已不存在", "请重新审核后再试。"],
  RequestPayloadSizeLimitExceeded: ["工作簿数据量超出 Excel 单次请求的上限", "请删除工作表中多余的空行空列后再试。"],
  GeneralException: ["Excel 暂时无法响应", RETRY],
};
REASONS.ResponsePayloadSizeLimitExceeded = REASONS.RequestPayloadSizeLimitExceeded;
REASONS.InternalError = REASONS.GeneralException;
REASONS.PermissionDenied = REASONS.AccessDenied;

/** The action in progress, for the sentence ("写入标记", "读取工作簿" …). */
export function describeOfficeError(e: unknown, action: string): string {
  const err = (e || {}) as OfficeErrorLike;
  const code = err.code || "";
  if (code === USER_MESSAGE) return String(err.message);
  const r = Object.prototype.hasOwnProperty.call(REASONS, code) ? REASONS[code] : null;
  if (r) return r[0] + "，无法" + action + "：" + r[1];
  return "未能" + action + "（" + (code || err.message || String(e)).slice(0, 120) + "）：" + RETRY;
}

/** Errors that mean "this sheet is protected (or read-only)": the caller skips the sheet and names it. */
export function isProtectionError(e: unknown): boolean {
  const code = ((e || {}) as OfficeErrorLike).code;
  return code === "AccessDenied";
}
