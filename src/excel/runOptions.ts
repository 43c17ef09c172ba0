/**
 * Options of every Excel.run the add-in makes: wait out cell-edit mode instead of failing (issue 10: "every batch
 * waits for cell edit"). A module of its own so that reading code does not pull in the writing code.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };
