import { describe, expect, it } from "vitest";
import { alternativeFor } from "../../../src/charts/controls";

describe("the series offered for a breakdown the shown one lacks", () => {
  const available = {
    dsc_victims_by_sex: { sex: ["female", "male"] },
    dsc_deepfake_taskforce: { age: ["teen"], sex: ["female"] },
    dsc_victims_by_age: { age: ["20s", "30s"] },
    knpa_illegal_filming_suspects_by_sex: { sex: ["male"] },
    kcsc_dsc_requests: { platform: ["x"] },
  };

  it("is the closest kin by id, not the first of the same body", () => {
    expect(alternativeFor(available, ["dsc_victims_by_sex"], "age")).toBe("dsc_victims_by_age");
  });

  it("falls back to another body's series, and to none when no series has the breakdown", () => {
    expect(alternativeFor(available, ["dsc_victims_by_age"], "platform")).toBe("kcsc_dsc_requests");
    expect(alternativeFor(available, ["dsc_victims_by_sex"], "relationship")).toBeNull();
  });
});
