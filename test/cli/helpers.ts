/** Runs main() in-process with captured streams, and builds a minimal .docx for --narrative. */
import { main } from "../../src/cli/main";
import { writeZip } from "../io/fixtures";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], stderrIsTTY = false): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: stderrIsTTY });
  return { code: code, stdout: stdout, stderr: stderr };
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The smallest .docx mammoth accepts: content types, the package relationship and one paragraph per line. */
export function minimalDocx(paragraphs: string[]): Buffer {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const body = paragraphs.map((p) => "<w:p><w:r><w:t xml:space=\"preserve\">" + xmlEscape(p) + "</w:t></w:r></w:p>").join("");
  return writeZip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: "word/document.xml", data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W + '"><w:body>' + body + "</w:body></w:document>") },
  ]);
}
