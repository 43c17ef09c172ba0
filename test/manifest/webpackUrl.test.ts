/**
 * A production build without a real production URL fails instead of writing a placeholder into the manifest
 * (issue 10); development builds and builds given a URL go on.
 */
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(__dirname, "..", "..", "webpack.config.js")) as ((env: object, options: object) => Promise<{ plugins: unknown[] }>) & {
  productionUrl: (env: object) => string | Error;
};

const saved = process.env.ADDIN_PRODUCTION_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.ADDIN_PRODUCTION_URL;
  else process.env.ADDIN_PRODUCTION_URL = saved;
});

test("production without ADDIN_PRODUCTION_URL or --env url fails with a sentence saying what to set", async () => {
  delete process.env.ADDIN_PRODUCTION_URL;
  await expect(config({ WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow("生产构建需要加载项的正式地址：请设置 ADDIN_PRODUCTION_URL");
});

test("placeholder, plain http or a URL without the final / are refused", () => {
  delete process.env.ADDIN_PRODUCTION_URL;
  ["https://juesuan-audit.example.gov.cn/addin/", "https://www.contoso.com/", "http://intranet.gov.cn/addin/", "https://intranet.gov.cn/addin"].forEach((url) => {
    const r = config.productionUrl({ url });
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toContain("加载项正式地址无效");
  });
});

test("a real URL from the environment or --env is used; development needs none", async () => {
  process.env.ADDIN_PRODUCTION_URL = "https://audit.czj.gov.cn/juesuan/";
  expect(config.productionUrl({})).toBe("https://audit.czj.gov.cn/juesuan/");
  expect(config.productionUrl({ url: "https://127.0.0.1:3000/" })).toBe("https://127.0.0.1:3000/");
  await expect(config({ WEBPACK_BUILD: true }, { mode: "production" })).resolves.toHaveProperty("plugins");
  delete process.env.ADDIN_PRODUCTION_URL;
  await expect(config({ WEBPACK_BUILD: true }, { mode: "development" })).resolves.toHaveProperty("plugins");
});
