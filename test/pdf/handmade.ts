/**
 * Tiny PDFs written by hand for the tests: a page that is only an image (a scan, no text layer), a corrupt file, an
 * encrypted one, and deeply nested structure. Objects are numbered from 1; the cross-reference table is computed.
 */
export function pdfOf(objects: string[], trailerExtra = ""): Buffer {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += i + 1 + " 0 obj\n" + body + "\nendobj\n";
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += "xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n";
  for (const o of offsets) out += String(o).padStart(10, "0") + " 00000 n \n";
  out += "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R" + trailerExtra + " >>\nstartxref\n" + xref + "\n%%EOF\n";
  return Buffer.from(out, "latin1");
}

function stream(dict: string, data: string): string {
  return "<< " + dict + " /Length " + Buffer.byteLength(data, "latin1") + " >>\nstream\n" + data + "\nendstream";
}

/** `pages` pages, each only a grey 8×8 image drawn over the page: what a scanner makes. */
export function scannedPdf(pages = 1): Buffer {
  const objs: string[] = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  const pixels = String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
  for (let p = 0; p < pages; p++) {
    const pageNo = objs.length + 1;
    kids.push(pageNo + " 0 R");
    objs.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 " + (pageNo + 2) + " 0 R >> >> /Contents " + (pageNo + 1) + " 0 R >>");
    objs.push(stream("", "q 595 0 0 842 0 0 cm /Im0 Do Q"));
    objs.push(stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8", pixels));
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids.join(" ") + "] /Count " + pages + " >>";
  return pdfOf(objs);
}

/** A page whose content nests q … Q `depth` deep, and a resource dictionary nested as deep. */
export function nestedPdf(depth: number): Buffer {
  const content = "q ".repeat(depth) + "BT ET " + "Q ".repeat(depth);
  let dict = "<< >>";
  for (let i = 0; i < Math.min(depth, 5000); i++) dict = "<< /A " + dict + " >>";
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X " + dict + " >> /Contents 4 0 R >>", stream("", content)]);
}

/** A PDF with an /Encrypt dictionary (standard security handler, a user password is required). */
export function encryptedPdf(): Buffer {
  const o = "<" + "11".repeat(32) + ">";
  const u = "<" + "22".repeat(32) + ">";
  return pdfOf(
    ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O " + o + " /U " + u + " >>"],
    " /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
  );
}
