/**
 * Review marks and the add-in's per-document settings, kept in the document's add-in settings
 * (Office.context.document.settings, Common API, every Excel we support) so they travel with the file.
 * Read synchronously; a write is one saveAsync (no Excel round trip). Marks read back are validated
 * (present/review.ts validateMarks): the file may come from elsewhere.
 */
import { DEFAULT_SETTINGS, HostSettings } from "../present/host";
import { ReviewMark, serializeMarks, validateMarks } from "../present/review";

export const REVIEW_KEY = "juesuanAudit.review";
export const SETTINGS_KEY = "juesuanAudit.settings";

export function documentSettings(): Office.Settings | null {
  try {
    return (typeof Office !== "undefined" && Office.context && Office.context.document && Office.context.document.settings) || null;
  } catch (_e) {
    return null;
  }
}

function readJson(key: string): unknown {
  const s = documentSettings();
  if (!s) return null;
  const raw = s.get(key);
  if (raw === null || raw === undefined) return null;
  try {
    return typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch (_e) {
    return null;
  }
}

/** Sets (or with null removes) a key and saves; rejects with the save's error so the pane can say so. */
export function writeSetting(key: string, value: string | null): Promise<void> {
  const s = documentSettings();
  if (!s) return Promise.resolve();
  if (value === null) s.remove(key);
  else s.set(key, value);
  return new Promise(function (resolve, reject) {
    s.saveAsync(function (r?: Office.AsyncResult<void>) {
      if (r && String(r.status) === "failed") reject(r.error);
      else resolve();
    });
  });
}

export function loadMarks(): { marks: ReviewMark[]; dropped: number } {
  return validateMarks(readJson(REVIEW_KEY));
}

export function saveMarks(marks: ReviewMark[]): Promise<void> {
  return writeSetting(REVIEW_KEY, marks.length ? serializeMarks(marks) : null);
}

export function loadHostSettings(): HostSettings {
  const raw = readJson(SETTINGS_KEY) as { autoFlag?: unknown } | null;
  return { autoFlag: !!raw && raw.autoFlag === true ? true : DEFAULT_SETTINGS.autoFlag };
}

export function saveHostSettings(s: HostSettings): Promise<void> {
  return writeSetting(SETTINGS_KEY, JSON.stringify({ autoFlag: s.autoFlag === true }));
}
