/**
 * What the add-in keeps in the document under WPS: the flag registry, the document nonce, review marks and the
 * pane's settings, as custom document properties (Workbook.CustomDocumentProperties, saved in the file's
 * docProps/custom.xml, so they travel with the file like the Excel add-in's document settings).
 *
 * Decision: a string property holds at most 255 characters in Office's object model, and the WPS documentation does
 * not promise more, so every value is stored in pieces "<key>#0", "<key>#1", … of at most 255 characters; a value
 * whose pieces do not run 0…n without a gap reads as absent. Values read back are validated by their users
 * (present/flagRegistry.ts, present/review.ts validateMarks): the file may come from someone else.
 * Property reads are batched: load() reads all of ours once; get() then costs no call.
 */
import { EtDocumentProperties, EtWorkbook, MSO_PROPERTY_STRING } from "./et";

export const PREFIX = "juesuanAudit.";
export const PIECE = 255;

function pieceOf(name: string): { key: string; n: number } | null {
  const at = name.lastIndexOf("#");
  if (name.indexOf(PREFIX) !== 0 || at < 0) return null;
  const n = Number(name.slice(at + 1));
  return /^\d{1,5}$/.test(name.slice(at + 1)) ? { key: name.slice(0, at), n: n } : null;
}

export class DocStore {
  private values: { [key: string]: string } | null = null;

  constructor(private readonly book: () => EtWorkbook) {}

  private props(): EtDocumentProperties {
    return this.book().CustomDocumentProperties;
  }

  /** Reads every property of ours (one pass over the document's custom properties). */
  load(): { [key: string]: string } {
    const props = this.props();
    const n = props.Count;
    const pieces: { [key: string]: string[] } = Object.create(null);
    for (let i = 1; i <= n; i++) {
      const p = props.Item(i);
      const piece = pieceOf(String(p.Name));
      if (!piece) continue;
      (pieces[piece.key] = pieces[piece.key] || [])[piece.n] = String(p.Value);
    }
    const out: { [key: string]: string } = Object.create(null);
    Object.keys(pieces).forEach(function (k) {
      const list = pieces[k];
      let whole = true;
      for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string") whole = false;
      if (whole) out[k] = list.join("");
    });
    this.values = out;
    return out;
  }

  get(key: string): string | null {
    const v = (this.values || this.load())[key];
    return typeof v === "string" ? v : null;
  }

  /** Replaces (or with null removes) a value: its old pieces are deleted, the new ones added. */
  set(key: string, value: string | null): void {
    const props = this.props();
    for (let i = props.Count; i >= 1; i--) {
      const p = props.Item(i);
      const piece = pieceOf(String(p.Name));
      if (piece && piece.key === key) p.Delete();
    }
    if (value !== null) {
      for (let i = 0, n = 0; i < value.length || n === 0; i += PIECE, n++) props.Add(key + "#" + n, false, MSO_PROPERTY_STRING, value.slice(i, i + PIECE));
    }
    if (this.values) {
      if (value === null) delete this.values[key];
      else this.values[key] = value;
    }
  }

  /** Forget what was read (another page of the add-in may have written since). */
  reset(): void {
    this.values = null;
  }
}
