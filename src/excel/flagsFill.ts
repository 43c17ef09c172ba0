/**
 * Fill flags, for Excel below ExcelApi 1.6 (no conditional formats).
 *
 * Each cell's original fill is read before painting and kept in the registry; clearing writes it back.
 * ExcelApi 1.1–1.5 report No Fill and white alike as "#FFFFFF" (tintAndShade, which tells them apart, is 1.9), so
 * "#FFFFFF" is restored as No Fill with fill.clear(): a cell that was truly white comes back as No Fill, which
 * looks the same except that gridlines show.
 * A registry entry is restored only while its cell still shows one of our flag colours (OUR_FILLS): a cell the
 * user recoloured since keeps the user's colour, and a forged registry cannot recolour anything we did not paint.
 * Entries on sheets that cannot be written (protected) are kept until they can be restored.
 * Sync budget: apply 2 (read current fills; restore + paint), clear 2 (same), plus 1 to list the sheets when the
 * caller knows none (the ribbon's 清除标记), plus 1 per sheet only when a batch is refused by protection.
 */
import { CellFlag, FLAG_STYLE, OUR_FILLS } from "../present/flagPlan";
import { ClearResult, FlagEnv, FlagResult, runWrites, setEvents, sheetGetter, unique, writePerSheet } from "./flagShared";
import { newRegistry, Registry, SavedFill, saveRegistry } from "./registry";

/** "#FFFFFF" means No Fill below ExcelApi 1.9 (see the header); anything else is a real colour. */
export function originalFill(color: string): string | null {
  return !color || color.toUpperCase() === "#FFFFFF" ? null : color;
}

function isOurs(color: string): boolean {
  return OUR_FILLS.indexOf(String(color).toUpperCase()) >= 0;
}

function key(sheet: string, cell: string): string {
  return sheet + "\u0000" + cell;
}

/** Names of the sheets that exist: from the last read, or one sync to list them (getItem fails on a missing sheet below 1.4). */
async function existing(context: Excel.RequestContext, env: FlagEnv): Promise<{ [n: string]: boolean }> {
  let names = env.knownSheets;
  if (!names.length) {
    const wss = context.workbook.worksheets;
    wss.load("items/name");
    await context.sync();
    names = wss.items.map(function (ws) {
      return ws.name;
    });
  }
  const out: { [n: string]: boolean } = Object.create(null);
  names.forEach(function (n) {
    out[n] = true;
  });
  return out;
}

interface Probe {
  sheet: string;
  cell: string;
  range: Excel.Range;
}

export function applyFill(plan: CellFlag[], env: FlagEnv, reg: Registry | null): Promise<FlagResult> {
  const caps = env.caps;
  const prot = env.protectedSheets;
  const prev = reg && reg.mode === "fill" ? reg.fills : [];
  return runWrites(caps, async function (context) {
    const exists = await existing(context, env);
    const sheet = sheetGetter(context, caps);
    const kept = prev.filter(function (f) {
      return prot[f.sheet] && exists[f.sheet];
    });
    const writable = plan.filter(function (f) {
      return !prot[f.sheet] && exists[f.sheet];
    });
    const skipped = unique(
      plan
        .filter(function (f) {
          return prot[f.sheet];
        })
        .map(function (f) {
          return f.sheet;
        })
    );
    const probe = function (sheetName: string, cell: string): Probe {
      const range = sheet(sheetName).getRange(cell);
      range.format.fill.load("color");
      return { sheet: sheetName, cell: cell, range: range };
    };
    const prevProbes = prev
      .filter(function (f) {
        return !prot[f.sheet] && exists[f.sheet];
      })
      .map(function (f) {
        return { saved: f, p: probe(f.sheet, f.cell) };
      });
    const planProbes = writable.map(function (f) {
      return { flag: f, p: probe(f.sheet, f.cell) };
    });
    await context.sync();

    const savedAt: { [k: string]: SavedFill } = Object.create(null);
    prevProbes.forEach(function (x) {
      if (isOurs(x.p.range.format.fill.color)) savedAt[key(x.saved.sheet, x.saved.cell)] = x.saved;
    });
    const painted: { [k: string]: boolean } = Object.create(null);
    const originals: SavedFill[] = planProbes.map(function (x) {
      const k = key(x.flag.sheet, x.flag.cell);
      painted[k] = true;
      const was = savedAt[k];
      const current = x.p.range.format.fill.color;
      return { sheet: x.flag.sheet, cell: x.flag.cell, color: was ? was.color : isOurs(current) ? null : originalFill(current) };
    });
    const restore = prevProbes.filter(function (x) {
      return savedAt[key(x.saved.sheet, x.saved.cell)] && !painted[key(x.saved.sheet, x.saved.cell)];
    });
    const sheets = unique(
      restore
        .map(function (x) {
          return x.saved.sheet;
        })
        .concat(
          writable.map(function (f) {
            return f.sheet;
          })
        )
    );
    setEvents(context, caps, false);
    const on = function (): void {
      setEvents(context, caps, true);
    };
    const refused = await writePerSheet(context, sheets, function (s) {
      restore.forEach(function (x) {
        if (x.saved.sheet !== s) return;
        const fill = x.p.range.format.fill;
        if (x.saved.color === null) fill.clear();
        else fill.color = x.saved.color;
      });
      planProbes.forEach(function (x) {
        if (x.flag.sheet === s) x.p.range.format.fill.color = x.flag.related ? FLAG_STYLE[x.flag.kind].relatedFill : FLAG_STYLE[x.flag.kind].fill;
      });
    }, on);

    const failed: { [s: string]: boolean } = Object.create(null);
    refused.forEach(function (s) {
      failed[s] = true;
    });
    // A refused sheet keeps its old entries (still painted, still to restore); its new flags were not painted.
    const fills = kept
      .concat(
        prevProbes
          .filter(function (x) {
            return failed[x.saved.sheet];
          })
          .map(function (x) {
            return x.saved;
          })
      )
      .concat(
        originals.filter(function (f) {
          return !failed[f.sheet];
        })
      );
    await saveRegistry(fills.length ? newRegistry("fill", unique(fills.map((f) => f.sheet)), [], fills) : null);
    return {
      flagged: originals.filter(function (f) {
        return !failed[f.sheet];
      }).length,
      skippedSheets: unique(skipped.concat(refused)),
    };
  });
}

export function clearFill(env: FlagEnv, reg: Registry | null): Promise<ClearResult> {
  const caps = env.caps;
  const prot = env.protectedSheets;
  const prev = reg && reg.mode === "fill" ? reg.fills : [];
  if (!prev.length) return Promise.resolve({ cleared: 0, notCleared: [] });
  return runWrites(caps, async function (context) {
    const exists = await existing(context, env);
    const sheet = sheetGetter(context, caps);
    const kept = prev.filter(function (f) {
      return prot[f.sheet] && exists[f.sheet];
    });
    const probes = prev
      .filter(function (f) {
        return !prot[f.sheet] && exists[f.sheet];
      })
      .map(function (f) {
        const range = sheet(f.sheet).getRange(f.cell);
        range.format.fill.load("color");
        return { saved: f, range: range };
      });
    await context.sync();
    const restore = probes.filter(function (x) {
      return isOurs(x.range.format.fill.color);
    });
    setEvents(context, caps, false);
    const refused = await writePerSheet(
      context,
      unique(restore.map((x) => x.saved.sheet)),
      function (s) {
        restore.forEach(function (x) {
          if (x.saved.sheet !== s) return;
          if (x.saved.color === null) x.range.format.fill.clear();
          else x.range.format.fill.color = x.saved.color;
        });
      },
      function () {
        setEvents(context, caps, true);
      }
    );
    const failed: { [s: string]: boolean } = Object.create(null);
    refused.forEach(function (s) {
      failed[s] = true;
    });
    const left = kept.concat(
      restore
        .filter(function (x) {
          return failed[x.saved.sheet];
        })
        .map(function (x) {
          return x.saved;
        })
    );
    await saveRegistry(left.length ? newRegistry("fill", unique(left.map((f) => f.sheet)), [], left) : null);
    return {
      cleared: restore.filter(function (x) {
        return !failed[x.saved.sheet];
      }).length,
      notCleared: unique(left.map((f) => f.sheet)).map(function (s) {
        return { sheet: s, reason: "工作表受保护" };
      }),
    };
  });
}
