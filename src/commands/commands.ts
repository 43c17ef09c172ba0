/**
 * The ribbon's 清除标记 (ExecuteFunction "clearFlags"): removes every flag without opening the pane.
 * It runs in its own runtime, so it learns what to clear from the registry in the document's settings.
 */
import { officeCapabilities } from "../excel/capabilities";
import { clearFlags } from "../excel/flags";

export function clearFlagsCommand(event: Office.AddinCommands.Event): void {
  clearFlags({ caps: officeCapabilities(), knownSheets: [], protectedSheets: {} })
    .catch(function () {
      // Nothing to show from a function command; a failed clear leaves the flags for the pane's 清除标记.
    })
    .then(function () {
      event.completed();
    });
}

Office.onReady(function () {
  // Office.actions.associate is the current way; older hosts look the FunctionName up as a global function.
  if (Office.actions && Office.actions.associate) Office.actions.associate("clearFlags", clearFlagsCommand);
});
(window as unknown as { clearFlags: typeof clearFlagsCommand }).clearFlags = clearFlagsCommand;
