/** Walking the workbook's sheets for the flag writers. */
import { activeBook, EtApplication, EtWorksheet } from "./et";

/** Every worksheet with its name and live protection, in tab order. */
export function eachSheet(app: EtApplication): { ws: EtWorksheet; name: string; protected: boolean }[] {
  const wss = activeBook(app).Worksheets;
  const n = wss.Count;
  const out: { ws: EtWorksheet; name: string; protected: boolean }[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = wss.Item(i);
    out.push({ ws: ws, name: ws.Name, protected: ws.ProtectContents === true });
  }
  return out;
}

export function unique(list: string[]): string[] {
  return list.filter(function (s, i) {
    return list.indexOf(s) === i;
  });
}

