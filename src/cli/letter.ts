/**
 * `--letter DIR` (issue 12 item 4): one 审核意见书 .docx per document, laid out with the `docx` package from the
 * blocks of present/letter.ts. Layout after the usual official-letter habits: title in 宋体 bold 二号, section
 * headings in 黑体 三号, body in 仿宋 三号 with a two-character first-line indent, seal line and date at the right,
 * page numbers at the foot. Text goes in as runs of text: Word never evaluates it.
 *
 * File names (decision): 「单位 + 年度 + 年度决算审核意见书.docx」 when the heads name the department, else the
 * input's name + 「.审核意见书.docx」; characters Windows forbids are dropped, and a second document of the same
 * name gets 「(2)」.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { LetterBlock, letterBlocks } from "../present/letter";
import { FileReport, ToolInfo } from "./report";
import { documentLines } from "./summaryRows";

const BODY = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const HEADING = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const TITLE = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
/** Half-points: 三号 16 pt, 二号 22 pt, 小四 12 pt. */
const SIZE_BODY = 32;
const SIZE_TITLE = 44;
const SIZE_NOTE = 24;
const INDENT = { firstLine: 640 };
const LINE = { line: 560, before: 0, after: 0 };

function para(b: LetterBlock): Paragraph[] {
  switch (b.kind) {
    case "title":
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [new TextRun({ text: b.text, bold: true, font: TITLE, size: SIZE_TITLE })] })];
    case "heading":
      return [new Paragraph({ indent: INDENT, spacing: LINE, children: [new TextRun({ text: b.text, font: HEADING, size: SIZE_BODY })] })];
    case "bullet":
      return [new Paragraph({ indent: INDENT, spacing: LINE, children: [new TextRun({ text: "· " + b.text, font: BODY, size: SIZE_BODY })] })];
    case "sign":
      return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, indent: { right: 640 }, children: [new TextRun({ text: b.text, font: BODY, size: SIZE_BODY })] })];
    case "note":
      return [new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: b.text, font: BODY, size: SIZE_NOTE, color: "595959" })] })];
    case "item":
      return [new Paragraph({ indent: INDENT, spacing: LINE, children: [new TextRun({ text: b.text, bold: true, font: BODY, size: SIZE_BODY })] })].concat(
        b.lines.map(
          (l) =>
            new Paragraph({
              indent: INDENT,
              spacing: LINE,
              children: [new TextRun({ text: l[0] + "：", bold: true, font: BODY, size: SIZE_BODY }), new TextRun({ text: l[1], font: BODY, size: SIZE_BODY })],
            }),
        ),
      );
    default:
      return [new Paragraph({ indent: INDENT, spacing: LINE, children: [new TextRun({ text: b.text, font: BODY, size: SIZE_BODY })] })];
  }
}

export function letterDocument(blocks: LetterBlock[], title: string): Document {
  const children: Paragraph[] = [];
  blocks.forEach((b) => children.push.apply(children, para(b)));
  return new Document({
    creator: "决算审核",
    title: title,
    styles: { default: { document: { run: { font: BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28 })] })] }),
        },
        children: children,
      },
    ],
  });
}

/** A file name Windows and Unix accept: no \ / : * ? " < > | or control characters, not ending in a dot or space. */
export function safeFileName(s: string): string {
  const clean = s.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, "").replace(/[. ]+$/, "").trim();
  return clean.slice(0, 120) || "文件";
}

export interface LetterFile {
  name: string;
  bytes: Buffer;
}

export async function letterFiles(reports: FileReport[], input: { tool: ToolInfo; date: string }): Promise<LetterFile[]> {
  const lines = documentLines(reports);
  const taken: { [lower: string]: boolean } = {};
  const out: LetterFile[] = [];
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    const d = lines[i];
    const blocks = letterBlocks({
      department: d.department,
      year: d.year,
      fileName: d.name,
      date: input.date,
      ok: r.ok,
      error: r.error,
      tablesFound: d.tablesFound,
      missing: r.missing,
      summary: r.summary,
      findings: r.findings,
      notChecked: r.notChecked,
      tool: input.tool.name + " " + input.tool.version,
      previous: d.previous,
    });
    const stem = safeFileName(d.department ? d.department + (d.year ? d.year + "年度" : "") + "决算审核意见书" : d.name + ".审核意见书");
    let name = stem + ".docx";
    for (let k = 2; taken[name.toLowerCase()]; k++) name = stem + "(" + k + ").docx";
    taken[name.toLowerCase()] = true;
    const bytes = await Packer.toBuffer(letterDocument(blocks, blocks[1] && blocks[1].kind === "title" ? blocks[1].text : "审核意见书"));
    out.push({ name: name, bytes: bytes });
  }
  return out;
}
