/**
 * Stand-in for office-addin-manifest under Jest: office-addin-mock only needs its OfficeApp enum, and the real
 * package's dependency chain is ESM-only (jest.config.js maps the module name here).
 */
const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
module.exports = { OfficeApp };
