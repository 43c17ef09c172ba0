/** One palette: Excel's flags, the legend the pane shows and the preview's stylesheet use the same colours. */
import * as fs from "fs";
import * as path from "path";
import { FLAG_LEGEND, FLAG_STYLE, OUR_FILLS, RELATED_STYLE } from "../../src/present/flagPlan";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

test("the legend lists 不符, 疑点, 尾差 and 相关单元格 with Excel's colours", () => {
  expect(FLAG_LEGEND.map((l) => [l.label, l.fill])).toEqual([
    ["不符", FLAG_STYLE.error.fill],
    ["疑点", FLAG_STYLE.warning.fill],
    ["尾差", FLAG_STYLE.tail.fill],
    ["相关单元格", RELATED_STYLE.fill],
  ]);
  expect(OUR_FILLS).toEqual(FLAG_LEGEND.map((l) => l.fill.toUpperCase()));
});

test("疑点 and 尾差 are far apart in hue (issue 10: orange and yellow were hard to tell apart)", () => {
  const d = Math.abs(hue(FLAG_STYLE.warning.fill) - hue(FLAG_STYLE.tail.fill));
  expect(Math.min(d, 360 - d)).toBeGreaterThan(90);
  const e = Math.abs(hue(FLAG_STYLE.warning.fill) - hue(FLAG_STYLE.error.fill));
  expect(Math.min(e, 360 - e)).toBeGreaterThan(30);
  // Text on each fill stays readable (WCAG contrast ≥ 4.5).
  (["error", "warning", "tail"] as const).forEach((k) => {
    const [a, b] = [luminance(FLAG_STYLE[k].fill), luminance(FLAG_STYLE[k].font)].sort((x, y) => y - x);
    expect((a + 0.05) / (b + 0.05)).toBeGreaterThan(4.5);
  });
});

test("the preview's stylesheet paints the same colours", () => {
  const css = fs.readFileSync(path.join(__dirname, "..", "..", "src", "preview", "preview.css"), "utf8").toLowerCase();
  FLAG_LEGEND.forEach((l) => expect(css).toContain(l.fill.toLowerCase()));
});
