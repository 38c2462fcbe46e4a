// Truth recovery: the simulation plants segments, churn drivers, campaign effects that vary by
// member, and a true cost per acquired member; the report's analyses must find them. One build of
// the whole report at SCALE=small (seed 42), the smallest scale with enough members for the uplift
// model; every expected value below is the simulation's own parameter (data-loaders/megamart/parameters.ts).
import {beforeAll, describe, expect, it} from "vitest";
import {buildReport} from "../../data-loaders/megamart/report.js";
import {CAMPAIGNS, TRUE_CAC, PEAK_CAC_FACTOR} from "../../data-loaders/megamart/parameters.js";

let out: Record<string, any> = {};

beforeAll(async () => {
  const {files} = await buildReport({seed: 42, scale: "small", dataDir: undefined});
  for (const f of files) if (f.name.endsWith(".json")) out[f.name.replace(".json", "")] = JSON.parse(new TextDecoder().decode(f.data));
}, 300_000);

describe("planted segments", () => {
  it("k-means separates the planted segments far better than chance", () => {
    expect(out.segments.truth.adjustedRandIndex).toBeGreaterThan(0.2);
  });

  it("family shoppers, deal seekers, tech upgraders and one-and-done members each dominate their own cluster", () => {
    const home = (segment: string) => {
      const rows = out.segments.truth.table.filter((r: any) => r.segment === segment);
      const total = rows.reduce((s: number, r: any) => s + r.members, 0);
      const best = rows.reduce((a: any, b: any) => (b.members > a.members ? b : a));
      return {cluster: best.cluster, share: best.members / total};
    };
    const segments = ["Family stock-up", "Deal seekers", "Tech upgraders", "One-and-done"].map(home);
    expect(new Set(segments.map((s) => s.cluster)).size).toBe(4);
    for (const s of segments) expect(s.share).toBeGreaterThan(0.5);
    // The affluent loyalists buy as often and as recently as families: they share the families' cluster.
    expect(home("Affluent loyalists").cluster).toBe(home("Family stock-up").cluster);
  });
});

describe("planted churn drivers", () => {
  const driver = (feature: string) => out.churn.drivers.find((d: any) => d.feature === feature);

  it("ranks churners above stayers on members it never saw", () => {
    expect(out.churn.auc).toBeGreaterThan(0.8);
    expect(out.churn.truth.topDecileTrulyGone).toBeGreaterThan(1.5 * out.churn.truth.overallTrulyGone);
  });

  it("finds the planted drivers with the planted sign: app and loyalty tier keep members, paid social loses them", () => {
    expect(driver("appUser").coefficient).toBeLessThan(0);
    expect(driver("appUser").pValue).toBeLessThan(0.01);
    expect(driver("loyaltyTier").coefficient).toBeLessThan(0);
    expect(driver("loyaltyTier").pValue).toBeLessThan(0.01);
    expect(driver("acquisitionChannel_paid_social").coefficient).toBeGreaterThan(0);
    expect(driver("acquisitionChannel_paid_social").pValue).toBeLessThan(0.01);
    // High returners churn more; the model sees them only through the returns they happened to make.
    expect(driver("returnedOrderShare").coefficient).toBeGreaterThan(0);
  });

  it("finds no effect of gender, which has none", () => {
    expect(driver("female").pValue).toBeGreaterThan(0.05);
  });
});

describe("campaign tests", () => {
  const rows = () => out.abtests as any[];

  it("flags the test with the planted logging bug, and only it", () => {
    const planted = CAMPAIGNS.filter((c) => c.lostControlShare > 0).map((c) => c.id);
    expect([...new Set(rows().filter((r) => r.srm).map((r) => r.campaignId))]).toEqual(planted);
  });

  it("95% intervals cover the true average effects (at least 80% of them, as sampling allows)", () => {
    const checked = rows().filter((r) => !r.srm);
    const covered = checked.filter((r) => r.covered).length;
    expect(checked.length).toBeGreaterThanOrEqual(10);
    expect(covered / checked.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe("uplift targeting", () => {
  it("picks members who are truly more persuadable than a random pick", () => {
    const t = out.uplift.truth;
    expect(t.capturedTop30).toBeGreaterThan(1.2 * t.randomTop30);
    expect(t.capturedTop30).toBeLessThanOrEqual(t.bestTop30);
  });

  it("ranks better than random on the holdout (Qini coefficient above 0)", () => {
    expect(out.uplift.qiniCoefficient).toBeGreaterThan(0);
  });
});

describe("lifetime value and acquisition", () => {
  it("forecasts the holdout within 25% in total and ranks members like the truth", () => {
    const {actual, predicted} = out.lifetime_value.holdout.totals;
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.25);
    expect(out.lifetime_value.truth.correlation).toBeGreaterThan(0.7);
  });

  it("measures each paid channel's CAC between its true ordinary-day cost and its peak-season cost", () => {
    for (const [channel, cac] of Object.entries(TRUE_CAC)) {
      const measured = out.meta.cacByChannel[channel];
      expect(measured).toBeGreaterThan(0.95 * cac);
      expect(measured).toBeLessThan(PEAK_CAC_FACTOR * cac);
    }
  });
});
