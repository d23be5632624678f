/** DSC_SITE (review F11): the build names its public origin, and says loudly when it does not know it. */
import { describe, expect, it } from "vitest";
import { LOCAL_SITE, siteOrigin } from "../../../scripts/lib/site-origin.mjs";

describe("siteOrigin", () => {
  it.each([[{}], [{ DSC_SITE: "" }], [{ DSC_SITE: "  " }]])(
    "unset (%j) → the local preview origin and a warning",
    (env) => {
      const r = siteOrigin(env);
      expect(r.site).toBe(LOCAL_SITE);
      expect(r.warning).toMatch(/DSC_SITE is not set/);
      expect(r.warning).toMatch(/docs\/deploy\.md/);
    },
  );

  it.each([
    ["https://stats.example.org", null],
    ["https://news.example/dsc/", null],
    ["http://127.0.0.1:4321", null],
    ["http://stats.example.org", /plain http/],
  ])("%s", (value, warning) => {
    const r = siteOrigin({ DSC_SITE: value });
    expect(r.site).toBe(value);
    if (warning) expect(r.warning).toMatch(warning);
    else expect(r.warning).toBeNull();
  });

  it.each([["not a url"], ["javascript:alert(1)"], ["ftp://x.example"]])("refuses %s", (value) => {
    expect(() => siteOrigin({ DSC_SITE: value })).toThrow(/DSC_SITE/);
  });
});
