/**
 * Issue 9: readAmount reads plain amount texts ("1,290.77", "-0.00") by one scan; every text must read exactly as the
 * general path (readGeneral, the code before) reads it: same state, value, decimals, hundredths, problem.
 */
import fc from "fast-check";
import { readAmount, readGeneral } from "../../src/engine/amount";

const PIECES = ["0", "1", "5", "9", "00", "123", "4567", ",", ".", "-", "+", "(", ")", "%", " ", "，", "１", "－", "—", "#", "e", "E", "元", "\u3000", "12345678901234"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((ps) => ps.join(""));
const value = fc.oneof(fc.constant(null), fc.double({ noNaN: true }), fc.integer(), fc.constant(1290.77), fc.constant(0.1 + 0.2), fc.string({ maxLength: 4 }), fc.boolean());
const format = fc.constantFrom("General", "#,##0.00", "0.00%", "yyyy-mm-dd", "0.000", "");

test("the plain path reads every text as the general path does", () => {
  fc.assert(
    fc.property(value, text, format, fc.integer({ min: 0, max: 4 }), (v, t, f, dp) => {
      // logical values and ±Infinity are settled before either path, alike
      if (typeof v === "boolean" || v === Infinity || v === -Infinity) return;
      const shown = t !== "" ? t : v === null ? "" : String(v);
      expect(readAmount(v, t, f, dp, null)).toEqual(readGeneral(v, shown, f, dp, null));
    }),
    { seed: 20261130, numRuns: 5000 },
  );
});

test("plain texts take the plain path and keep their hundredths", () => {
  for (const [t, units, dp] of [["1,290.77", 129077, 2], ["-0.00", -0, 2], ["0123", 12300, 0], ["5.5", 550, 1], ["1.234", null, 3], ["12345678901234", null, 0], ["-66.89", -6689, 2]] as const) {
    const a = readAmount(null, t, "General");
    expect(a).toEqual(readGeneral(null, t, "General", 2, null));
    expect(a.state).toBe("number");
    expect(a.dp).toBe(dp);
    expect(Object.is(a.units, units)).toBe(true);
  }
  // a date format makes a stored number a date, on either path
  expect(readAmount(45000, "45,000", "yyyy-mm-dd").state).toBe("text");
  // a figure stored with more decimals than shown is still caught
  expect(readAmount(585.444, "585.44", "#,##0.00").hidden?.toFixed()).toBe("585.444");
});
