/**
 * The one Decimal constructor of the engine. Every amount, sum and ratio goes through it: never a binary float.
 * ROUND_HALF_UP (四舍五入) matches Excel's ROUND and the way 元 figures are converted to 万元 for publication.
 */
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Plain decimal string for reports: no exponent, no thousands separators, "-0" folded to "0". */
export function plain(d: Decimal | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  if (d.isZero()) return d.decimalPlaces() > 0 ? d.abs().toFixed(d.decimalPlaces()) : "0";
  return d.toFixed();
}

/** Fixed-decimals display for messages ("585.45"). */
export function fmt(d: Decimal | null | undefined, dp = 2): string {
  if (d === null || d === undefined) return "—";
  // a count of decimals below 0 or not whole throws (toFixed's check), as it always did
  const s = fixed(d, dp);
  // "-0.00" (a small negative rounded to zero) is shown as "0.00"
  return s.charAt(0) === "-" && !/[1-9]/.test(s) ? s.slice(1) : s;
}

/**
 * d.toFixed(dp), the same text. When d has no more decimals than dp (a table's figures and their sums), nothing
 * rounds: its own text padded with zeros, without the copy and rounding pass of toFixed(dp) (messages show many
 * figures). Everything else, NaN and a dp toFixed rejects included, is toFixed(dp) itself.
 */
export function fixed(d: Decimal, dp: number): string {
  const have = d.decimalPlaces();
  if (!(have <= dp && dp <= 100 && dp === Math.floor(dp))) return d.toFixed(dp);
  let s = d.toFixed();
  if (have === 0 && dp > 0) s += ".";
  for (let k = have; k < dp; k++) s += "0";
  return s;
}

/** A float as Excel shows it at most: 15 significant digits, so 0.1+0.2 stays 0.3. */
export function fromFloat(x: number): Decimal {
  return new Decimal(Number(x.toPrecision(15)).toString() === "NaN" ? "0" : x.toPrecision(15));
}


const halves: Decimal[] = [];

/** Half a unit of the last of `dp` decimals (0.005 for two), the rounding radius of a displayed figure. Cached. */
export function halfOfDecimals(dp: number): Decimal {
  if (dp < 0 || dp > 20 || dp !== Math.floor(dp)) return new Decimal(10).pow(-dp).dividedBy(2);
  return halves[dp] || (halves[dp] = new Decimal(10).pow(-dp).dividedBy(2));
}
