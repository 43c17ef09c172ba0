/**
 * Issue 9: fill, money, halfUnit and marksOf are written for speed; each must give what the plain code before gave (kept
 * here as the reference), on random inputs.
 */
import fc from "fast-check";
import { fill } from "../../src/engine/narrative/statements/fill";
import { money } from "../../src/engine/messages";
import { Decimal, fmt } from "../../src/engine/decimal";
import { halfUnit, locate, parseNumber, unitFactor } from "../../src/engine/narrative/tokens";
import { Checker } from "../../src/engine/narrative/checker";
import { paragraphs } from "../../src/engine/narrative/normalise";
import { marksOf, tableBacked, TextCtx } from "../../src/engine/narrative/inTextBase";

const HOLE = /\{(\d{1,2}|item\.[a-z]{1,12}|[a-z]{1,12})\}/g;

function fillReference(template: string, m: RegExpExecArray | null, item: { [field: string]: unknown } | null = null, vars: { [k: string]: string } = {}): string {
  if (template.indexOf("{") < 0) return template;
  return template.replace(HOLE, (hole, key: string) => {
    let v: unknown;
    if (/^\d/.test(key)) v = m ? m[parseInt(key, 10)] : undefined;
    else if (key.indexOf("item.") === 0) v = item ? item[key.slice(5)] : undefined;
    else v = vars[key];
    return typeof v === "string" ? v : hole;
  });
}

function moneyReference(d: Decimal, dp: number): string {
  const s = fmt(d, dp);
  const neg = s.charAt(0) === "-";
  const body = neg ? s.slice(1) : s;
  const [i, f] = body.split(".");
  let grouped = i.slice(0, ((i.length - 1) % 3) + 1);
  for (let k = grouped.length; k < i.length; k += 3) grouped += "," + i.slice(k, k + 3);
  return (neg ? "-" : "") + grouped + (f !== undefined ? "." + f : "");
}

const PIECES = ["{", "}", "{{", "}}", "1", "12", "123", "0", "item", ".", "item.", "item.t", "item.name", "where", "what", "x", "abcdefghijklm", "constructor", "toString", "__proto__", "Where", "-", "文中", "：", " ", "{1}", "{item.t}", "{where}", "{13}", "{item.}", "{}"];
const template = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ps) => ps.join(""));

test("fill fills every template as the regex replace did", () => {
  const m = /(a)(b)?(c)/.exec("xac") as RegExpExecArray;
  const item = { t: "公开05", name: "名称", n: 3 };
  const vars = { where: "说明五", what: "支出", x: "" };
  fc.assert(
    fc.property(template, (t) => {
      expect(fill(t, m, item, vars)).toBe(fillReference(t, m, item, vars));
      expect(fill(t, null, null)).toBe(fillReference(t, null, null));
    }),
    { numRuns: 5000 },
  );
  expect(fill("{where}：{what} {1}{2}{item.t}{item.n}{zz}", m, item, vars)).toBe("说明五：支出 a{2}公开05{item.n}{zz}");
});

const amount = fc.tuple(fc.constantFrom("", "-"), fc.stringMatching(/^[0-9]{1,20}$/), fc.stringMatching(/^[0-9]{0,8}$/)).map(([s, i, f]) => new Decimal(s + i + (f ? "." + f : "")));

test("money writes every amount as before", () => {
  fc.assert(
    fc.property(amount, fc.integer({ min: 0, max: 12 }), (d, dp) => {
      expect(money(d, dp)).toBe(moneyReference(d, dp));
    }),
    { numRuns: 5000 },
  );
  expect(money(new Decimal("-0.001"), 2)).toBe("0.00");
  expect(money(new Decimal("-1234567.005"), 2)).toBe("-1,234,567.01");
  expect(money(new Decimal("999"), 0)).toBe("999");
  expect(() => money(new Decimal(1), -1)).toThrow();
});

test("halfUnit of a figure as computed afresh", () => {
  for (const unit of ["万元", "元", "亿元", "%", ""])
    for (let dp = 0; dp <= 10; dp++) {
      const f = locate("为" + (dp ? "1." + "5".repeat(dp) : "7") + unit, dp ? "1." + "5".repeat(dp) : "7", unit, 0);
      expect(f).not.toBeNull();
      const fresh = new Decimal(10).pow(-dp).times(unit === "%" ? 1 : unitFactor(unit)).dividedBy(2);
      expect(halfUnit(f!).equals(fresh)).toBe(true);
      expect(halfUnit(f!).toString()).toBe(fresh.toString());
    }
  expect(halfUnit(locate("共12.345万元", "12.345", "万元", 0)!).toString()).toBe("0.0005");
  expect(halfUnit(locate("共12元", "12", "元", 0)!).toString()).toBe("0.00005");
});

test("marksOf: the section checks' marks at a figure, in order, none made after the in-text checks began", () => {
  const text = "收入12.00万元,支出3.00万元";
  const ck = new Checker(text, {});
  const p = paragraphs(text, 0, text.length, null)[0];
  const a = locate(p.text, "12.00", "万元", 0)!;
  const b = locate(p.text, "3.00", "万元", 0)!;
  ck.mark(p, a, "ok", "N-1", ["'公开01表'!B5"], "一");
  ck.mark(p, b, "error", "N-2", [], "二");
  ck.mark(p, a, "warning", "N-3", [], "三");
  const t: TextCtx = { ck, tables: {}, alone: false, baseFindings: 0, baseFigures: ck.figures.length, cap: null };
  ck.mark(p, b, "ok", "NT.1", [], "after");
  expect(marksOf(t, p, a).map((m) => m.explain)).toEqual(["一", "三"]);
  expect(marksOf(t, p, b).map((m) => m.explain)).toEqual(["二"]);
  expect(marksOf(t, p, { ...a, start: 0, end: 2 })).toEqual([]);
  expect(tableBacked(t, p, a)).toBe(true);
  expect(tableBacked(t, p, b)).toBe(false);
});

test("parseNumber makes the decimal the string gives, whole numbers of up to 7 digits from their number", () => {
  const same = (a: Decimal, b: Decimal) => a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);
  fc.assert(
    fc.property(fc.constantFrom("", "-"), fc.stringMatching(/^[0-9]{1,9}$/), fc.constantFrom("", ".", ".5", ".00", ".123"), (sign, i, f) => {
      const s = sign + i + (f.length > 1 ? f : "");
      const got = parseNumber(s);
      expect(same(got.value, new Decimal(s))).toBe(true);
      expect(got.dp).toBe(f.length > 1 ? f.length - 1 : 0);
    }),
    { seed: 12, numRuns: 3000 },
  );
  expect(parseNumber("0000000").value.toFixed()).toBe("0");
  expect(parseNumber("1,234").value.toFixed()).toBe("1234");
});
