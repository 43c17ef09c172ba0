/** Hostile .docx narratives for --narrative (issue 13 item 4): mammoth inflates every part it reads, uncapped. */
import { Entry, deflated, eocdRecord, repeatedDeflate, writeZip } from "./zip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function docxParts(body: string): { name: string; data: Buffer }[] {
  return [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: "word/document.xml", data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W + '"><w:body>' + body + "</w:body></w:document>") },
  ];
}

/** A valid .docx whose text is `paragraphs`. */
export function docxOf(paragraphs: string[]): Buffer {
  return writeZip(docxParts(paragraphs.map((p) => "<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>").join("")).map((p) => deflated(p.name, p.data))).bytes;
}

/** word/document.xml inflating to 1.5 GB of paragraphs from about 1.5 MB (scale 1). */
export function docxBomb(scale = 1): Buffer {
  const paras = Math.max(1, Math.round(1.5e9 * scale / 40));
  const d = repeatedDeflate('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W + '"><w:body>', "<w:p><w:r><w:t>一二三四五</w:t></w:r></w:p>", paras, "</w:body></w:document>", 4000);
  const parts = docxParts("");
  const entries: Entry[] = parts.map((p) => (p.name === "word/document.xml" ? { name: p.name, stored: d.stored, method: 8, size: d.size, crc: 0 } : deflated(p.name, p.data)));
  return writeZip(entries).bytes;
}

/** A harmless .docx whose comment hides the end record of another one (a 200 MB document.xml at scale 1). */
export function docxHiddenDirectory(scale = 1): Buffer {
  const paras = Math.max(1, Math.round(2e8 * scale / 40));
  const d = repeatedDeflate('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W + '"><w:body>', "<w:p><w:r><w:t>一二三四五</w:t></w:r></w:p>", paras, "</w:body></w:document>", 4000);
  const hidden: Entry[] = docxParts("").map((p) => (p.name === "word/document.xml" ? { name: p.name, stored: d.stored, method: 8, size: d.size, crc: 0 } : deflated(p.name, p.data)));
  const h = writeZip(hidden);
  const end = eocdRecord(hidden.length, h.eocdAt - h.cdAt, h.cdAt).subarray(0, 20);
  const innocent = docxParts("<w:p><w:r><w:t>一、部门决算情况说明</w:t></w:r></w:p>").map((p) => deflated(p.name, p.data));
  return writeZip(innocent, { prefix: h.bytes.subarray(0, h.eocdAt), comment: Buffer.concat([Buffer.from([0x20]), end]) }).bytes;
}
