/**
 * keptMerges (src/io/snapshotGrid.ts) skips disjointAreas when no two merges overlap; it must answer exactly as
 * disjointAreas on any list: overlapping, touching, inverted, repeated, more than 128.
 */
import fc from "fast-check";
import { disjointAreas } from "../../src/engine";
import { keptMerges, MergeRange } from "../../src/io/snapshotGrid";

const merge = fc
  .tuple(fc.nat(12), fc.nat(6), fc.nat(3), fc.nat(2), fc.nat(20))
  .map(([r, c, h, w, odd]): MergeRange => (odd === 0 ? { s: { r: r + h, c: c }, e: { r: r, c: c + w } } : { s: { r: r, c: c }, e: { r: r + h, c: c + w } }));

function reference(ms: MergeRange[]): boolean[] {
  return disjointAreas(ms.map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c })));
}

test("keptMerges equals disjointAreas on random merges", () => {
  let allKept = 0;
  fc.assert(
    fc.property(fc.array(merge, { maxLength: 8 }), (ms) => {
      const got = keptMerges(ms);
      expect(got).toEqual(reference(ms));
      if (ms.length > 1 && got.every((k) => k)) allKept++;
    }),
    { numRuns: 3000, seed: 5 },
  );
  // The fast answer (all kept) was reached, not only the sweep.
  expect(allKept).toBeGreaterThan(300);
});

test("more than 128 merges, and overlaps among many, go to the sweep with the same answer", () => {
  const grid: MergeRange[] = [];
  for (let i = 0; i < 200; i++) grid.push({ s: { r: 2 * i, c: 0 }, e: { r: 2 * i + 1, c: 1 } });
  expect(keptMerges(grid)).toEqual(reference(grid));
  const clash = grid.slice(0, 100).concat([{ s: { r: 5, c: 1 }, e: { r: 8, c: 3 } }]);
  const keep = keptMerges(clash);
  expect(keep).toEqual(reference(clash));
  expect(keep[100]).toBe(false);
});
