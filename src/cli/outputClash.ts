/**
 * `--output` must never overwrite an input (issue 13 item 9). Path strings are not enough: through a symbolic link,
 * a hard link, `..`, or a case-insensitive file system two different strings name the same file. So a clash is
 *  - the same file identity (device + inode, after following links) when the output already exists, or
 *  - the same real path (links resolved) of the place the report would be created at, when it does not.
 * Inputs that cannot be found are skipped here (their own report says so); they cannot be overwritten in place.
 */
import * as fs from "fs";
import * as path from "path";

interface Identity {
  dev: number;
  ino: number;
  real: string;
}

function identity(file: string): Identity | null {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino, real: fs.realpathSync(file) };
  } catch (_e) {
    return null;
  }
}

/**
 * Where writeFileSync(output) would write: the file itself (links followed) when it exists, otherwise the real path
 * of its folder joined with its name (a dangling link's target is followed as far as it resolves).
 */
function outputTarget(output: string): { id: Identity | null; real: string } {
  const id = identity(output);
  if (id) return { id: id, real: id.real };
  let target = path.resolve(output);
  try {
    // A dangling symbolic link: the report would be created at its target.
    const link = fs.readlinkSync(target);
    target = path.resolve(path.dirname(target), link);
  } catch (_e) {
    // not a link
  }
  let dir = path.dirname(target);
  try {
    dir = fs.realpathSync(dir);
  } catch (_e) {
    // a missing folder: the write will fail with its own message
  }
  return { id: null, real: path.join(dir, path.basename(target)) };
}

/** The input that `output` would overwrite, or undefined when there is none. */
export function clashingInput(output: string, inputs: string[]): string | undefined {
  const out = outputTarget(output);
  const outResolved = path.resolve(output);
  for (const input of inputs) {
    if (path.resolve(input) === outResolved) return input;
    const id = identity(input);
    if (!id) continue;
    if (out.id && out.id.dev === id.dev && out.id.ino === id.ino) return input;
    if (out.real === id.real) return input;
  }
  return undefined;
}
