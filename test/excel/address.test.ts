import { splitAreaList, splitQualified } from "../../src/present/address";
import { planFlags } from "../../src/present/flagPlan";
import { Finding } from "../../src/engine/types";

test("sheet-qualified references, quoted or not", () => {
  expect(splitQualified("'公开03表'!D7")).toEqual({ sheet: "公开03表", address: "D7" });
  expect(splitQualified("公开03表!$D$7")).toEqual({ sheet: "公开03表", address: "$D$7" });
  expect(splitQualified("'It''s!'!A1")).toEqual({ sheet: "It's!", address: "A1" });
  expect(splitQualified("C10")).toEqual({ sheet: null, address: "C10" });
});

test("RangeAreas address lists, commas inside quoted sheet names kept", () => {
  expect(splitAreaList("'公开01表'!A1:F1, '公开01表'!A2:B3")).toEqual(["A1:F1", "A2:B3"]);
  expect(splitAreaList("Sheet1!$A$1:$B$1,Sheet1!C3")).toEqual(["A1:B1", "C3"]);
  expect(splitAreaList("'a,b'!A1:B2")).toEqual(["A1:B2"]);
  expect(splitAreaList("")).toEqual([]);
});

test("one flag per cell: main beats related, the more severe kind wins, info never flags", () => {
  const base = { table: "公开03", related: [], expected: null, actual: null, difference: null, tolerance: null, message: "" };
  const findings: Finding[] = [
    { ...base, rule: "A", severity: "tail", sheet: "公开03表", cell: "C10", related: ["'公开03表'!D10", "公开05表!$C$7"] },
    { ...base, rule: "B", severity: "error", sheet: "公开03表", cell: "D10" },
    { ...base, rule: "C", severity: "warning", sheet: "公开05表", cell: "E7", related: ["'公开05表'!C7"] },
    { ...base, rule: "D", severity: "info", sheet: "公开05表", cell: "A1" },
  ];
  expect(planFlags(findings)).toEqual([
    { sheet: "公开03表", cell: "C10", kind: "tail", related: false, findings: [0] },
    { sheet: "公开03表", cell: "D10", kind: "error", related: false, findings: [1] },
    { sheet: "公开05表", cell: "C7", kind: "warning", related: true, findings: [] },
    { sheet: "公开05表", cell: "E7", kind: "warning", related: false, findings: [2] },
  ]);
});
