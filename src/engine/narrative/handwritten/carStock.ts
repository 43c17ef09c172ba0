/**
 * 十二 国有资产 (N12), handwritten: 「共有车辆 N 辆」 is a count compared with the 公务用车保有量 that 说明九 stated
 * (kept in Shared by sangongDetails.ts), not a figure bound to a cell. Run from the S12 table (statements/others.ts).
 */
import { Para } from "../normalise";
import { P } from "../patterns";
import { each } from "../scan";
import { Run } from "../statements/model";

export function carStockAgain(run: Run, p: Para, where: string): void {
  const c = run.c;
  const ck = c.ck;
  each(p, P.cars, (m, s, e) => {
    const stock = c.shared.carStock;
    if (!stock) return;
    const n = parseInt(m[1], 10);
    if (n === stock.n) ck.ok();
    else {
      ck.bad();
      ck.emit("N12", "error", p, { start: s, end: e }, where + "：共有车辆 " + n + " 辆，与说明九所述公务用车保有量 " + stock.n + " 辆不一致", { actual: String(n), expected: String(stock.n) });
    }
  });
}
