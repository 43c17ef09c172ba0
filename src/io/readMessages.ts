/**
 * The Chinese sentences of the workbook reader (readWorkbookFile.ts) that the browser preview shares (zipGuardBrowser.ts):
 * pure, no Node. Moved here unchanged from readWorkbookFile.ts, which re-exports them.
 */
import type { ZipProblem } from "./zipGuard";

export const MESSAGES = {
  missing: "找不到该文件，请检查路径是否正确。",
  directory: "这是一个文件夹而不是文件，请指定工作簿文件。",
  noAccess: "没有读取该文件的权限。",
  empty: "文件是空的（0 字节），不是有效的工作簿。",
  notWorkbook: "文件不是 Excel 工作簿（.xlsx 或 .xls），无法读取。",
  html: "文件内容是网页（HTML）而不是 Excel 工作簿，请用 Excel 打开后另存为 .xlsx 再审核。",
  zipNotExcel: "文件是压缩包（ZIP），但其中没有 Excel 工作簿（可能是 Word 文档或其他压缩文件）。",
  cfbNotExcel: "文件是 Office 复合文档，但其中没有 Excel 工作簿（可能是 Word 或 PowerPoint 文件）。",
  corruptZip: "文件已损坏（压缩结构不完整或有误），无法读取，请重新导出或另存后再审核。",
  corrupt: "文件内容已损坏或格式无法识别，无法读取，请用 Excel 打开并另存后再审核。",
  encrypted: "文件已加密（设置了打开密码），无法读取；请去除密码后再审核。",
  sizeMismatch: "文件中压缩数据的实际大小与其目录声明不符，可能已损坏或被恶意构造，已拒绝读取。",
  viewsDisagree: "文件的压缩结构前后矛盾（目录与各部件的记录不一致），可能被恶意构造，已拒绝读取。",
  noData: "工作簿中没有任何数据（所有工作表均为空），无法审核。",
};

export function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1);
}

export function zipProblemMessage(p: ZipProblem): string {
  switch (p.kind) {
    case "too-large":
      return "文件解压后过大（约 " + mb(p.total) + " MB，上限 " + mb(p.limit) + " MB），可能是恶意构造的压缩包，已拒绝读取。";
    case "ratio":
      return "文件中“" + p.entry + "”的压缩比异常（约 " + Math.round(p.ratio) + " 倍，上限 " + p.limit + " 倍），可能是恶意构造的压缩包，已拒绝读取。";
    case "too-many-entries":
      return "文件包含的部件过多（" + p.count + " 个，上限 " + p.limit + " 个），不像正常的工作簿，已拒绝读取。";
    case "encrypted":
      return MESSAGES.encrypted;
    case "unsupported-method":
      return "文件使用了不支持的压缩方式（" + p.method + "），无法读取，请用 Excel 另存为 .xlsx 后再审核。";
    case "views-disagree":
      return MESSAGES.viewsDisagree;
    default:
      return MESSAGES.corruptZip;
  }
}
