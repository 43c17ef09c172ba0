/* eslint-disable no-undef */
/**
 * `npm run build:wps`: the WPS 表格加载项 (issue 14) in dist-wps/. The add-in folder dist-wps/juesuan-audit/ holds
 * ribbon.xml, index.html + main.js (the ribbon's callbacks), taskpane.html + taskpane.js (the same pane and engine as
 * in Excel, with the WPS host) and the icons; scripts/wpsLayout.js writes the offline and online layouts around it.
 * WPS runs add-in pages in its own Chromium: ES2017 output, no polyfills, no Office.js.
 */
const path = require("path");
const { NormalModuleReplacementPlugin } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NAME, writeLayout, wpsUrl } = require("./scripts/wpsLayout");
const { version } = require("./package.json");

module.exports = (env) => {
  wpsUrl(env); // fail before building when the address is malformed
  const out = path.resolve(__dirname, "dist-wps", NAME);
  return {
    mode: "production",
    devtool: "source-map",
    target: ["web", "es2017"],
    entry: { main: "./src/wpsaddin/main.ts", taskpane: "./src/wpsaddin/pane.ts" },
    output: { path: out, filename: "[name].js", chunkFilename: "[name].js", publicPath: "", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.webpack.json", transpileOnly: true, compilerOptions: { target: "es2017" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // numberFormat.ts reaches SheetJS through ./sheetjs (a lazy require for the CLI); here only its SSF.
      new NormalModuleReplacementPlugin(/^\.\/sheetjs$/, "./sheetjsSsf"),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./wps/index.html", chunks: ["main"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./wps/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/icon-32.png", to: "images/icon-32.png" },
          { from: "assets/clear-32.png", to: "images/clear-32.png" },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.afterEmit.tap("wps-layout", () => {
            const r = writeLayout(out, version, env);
            console.log("WPS 加载项：" + out + "；" + r.written.join("、") + (r.url ? "" : "（未设 WPS_ADDIN_URL：只生成离线安装的 jsaddons/，不生成 publish.html）"));
          });
        },
      },
    ],
  };
};
