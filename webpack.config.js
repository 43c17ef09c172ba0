/* eslint-disable no-undef */
/**
 * Builds the add-in's pages (task pane, function file) and the browser preview.
 *
 * - The pane and the function file must run in every webview Office uses, IE11 included: ES5 output
 *   (target es5 for TypeScript and webpack's runtime) plus targeted polyfills (src/taskpane/polyfills.ts).
 *   `npm run build` checks them with es-check; test/e2e/preview.test.ts holds the pane to its 320 KB budget.
 * - TypeScript's helpers come once from tslib (importHelpers in tsconfig.webpack.json), not a copy per module.
 * - Office.js always comes from Microsoft's CDN (script tag in the HTML), never from the bundle.
 * - No eval anywhere (devtool "source-map" in both modes) so the pages work under a strict CSP.
 * - The production URL comes from ADDIN_PRODUCTION_URL (or `--env url=…`); a production build writes it into
 *   dist/manifest.xml in place of https://localhost:3000/. Without one a production build fails (issue 10): a
 *   placeholder URL in a deployed manifest gives an add-in that silently loads nothing. It must be https and end
 *   with "/". `npm run lint`/`demo` pass the development URL explicitly; the e2e test passes its own.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DefinePlugin, NormalModuleReplacementPlugin } = require("webpack");

const urlDev = "https://localhost:3000/";

/** The production URL, or an Error saying how to give one. Exported for test/manifest/webpackUrl.test.ts. */
function productionUrl(env) {
  const url = (env && env.url) || process.env.ADDIN_PRODUCTION_URL || "";
  if (!url) return new Error("生产构建需要加载项的正式地址：请设置 ADDIN_PRODUCTION_URL=https://服务器/路径/ 后再运行 npm run build（或传 --env url=…）。");
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch (_e) {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:" || !/\/$/.test(url) || /example\.(gov\.cn|com|org)|contoso/.test(parsed.hostname)) {
    return new Error("加载项正式地址无效（" + url + "）：须为 https:// 开头、以 / 结尾的实际部署地址。");
  }
  return url;
}

async function getHttpsOptions() {
  // Only for `npm run dev-server`: trusted localhost certificates (installing them needs admin rights).
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = dev ? urlDev : productionUrl(env);
  if (prodUrl instanceof Error) throw prodUrl;
  return {
    devtool: "source-map",
    target: ["web", "es5"],
    entry: {
      polyfill: "./src/taskpane/polyfills.ts",
      taskpane: "./src/addin/taskpane.ts",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/preview.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazily loaded chunks (src/excel/actions.ts) load from the same folder as the page, relative to it: no
      // reliance on document.currentScript, which IE11 (Office 2016/2019) lacks.
      chunkFilename: "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the build only transpiles (fast, same output).
            options: { configFile: "tsconfig.webpack.json", transpileOnly: true },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // src/io/sheetjs.ts loads SheetJS lazily with require() for the CLI; the browser takes sheetjsBrowser.ts, a plain
      // import that webpack can tree-shake with the preview's own.
      new NormalModuleReplacementPlugin(/^\.\/sheetjs$/, "./sheetjsBrowser"),
      // The PDF reader in the preview (issue 11): PDF.js loaded in its own chunk, workerless (src/io/pdfjsLoadBrowser.ts).
      new NormalModuleReplacementPlugin(/^\.\/pdfjsLoad$/, "./pdfjsLoadBrowser"),
      // The reader's debug switch (a Node environment variable) is off in the browser, which has no `process`.
      new DefinePlugin({ "process.env.PDF_DEBUG": "undefined" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["polyfill", "taskpane"], chunksSortMode: "manual" }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["polyfill", "commands"], chunksSortMode: "manual" }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/commands/support.html", to: "support.html" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/preview/preview.css", to: "preview.css" },
          { from: "examples/2024-sanmenxia-xzsp.xlsx", to: "sample.xlsx" },
          // PDF.js's CMaps and standard fonts for the preview's PDF reader, fetched only when a PDF needs them.
          { from: "node_modules/pdfjs-dist/cmaps", to: "pdfjs/cmaps" },
          { from: "node_modules/pdfjs-dist/standard_fonts", to: "pdfjs/standard_fonts" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              // Page URLs first, then the bare origin (AppDomain) that has no trailing slash.
              return content.toString().split(urlDev).join(prodUrl).split(urlDev.slice(0, -1)).join(new URL(prodUrl).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: false,
    },
  };
};
module.exports.productionUrl = productionUrl;
