/**
 * Return on ad spend of each campaign against the portfolio: horizontal bars sorted by ROAS,
 * coloured by channel, with the portfolio's ROAS and the break-even line (1×) as rules.
 * Input: {name, channel, spend, revenue, roas} per campaign.
 */
import * as Plot from "npm:@observablehq/plot";
import {channelColor} from "./palette.js";

export interface CampaignReturn {
  name: string;
  channel: string;
  spend: number;
  revenue: number;
  roas: number;
}

export function roasByCampaignChart(campaigns: readonly CampaignReturn[], portfolioRoas: number, {width = 640}: {width?: number} = {}) {
  const data = campaigns.filter((c) => Number.isFinite(c.roas));
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: Math.max(120, 22 * data.length + 60),
    marginLeft: narrow ? 8 : 230,
    marginRight: 24,
    x: {label: "ROAS (revenue per dollar spent) →", grid: true, nice: true},
    y: {label: null, domain: data.slice().sort((a, b) => b.roas - a.roas).map((c) => c.name), axis: narrow ? null : "left"},
    color: {...channelColor, legend: true},
    marks: [
      Plot.barX(data, {x: "roas", y: "name", fill: "channel", fillOpacity: 0.85}),
      narrow ? Plot.text(data, {x: 0, y: "name", text: "name", textAnchor: "start", dx: 4, fill: "var(--theme-foreground)", fontSize: 10}) : null,
      Plot.ruleX([1], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3"}),
      Plot.text([1], {x: (d: number) => d, frameAnchor: "top", text: () => "break-even", dy: -2, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)", fontSize: 10}),
      Number.isFinite(portfolioRoas) ? Plot.ruleX([portfolioRoas], {stroke: "var(--theme-foreground)", strokeWidth: 1.5}) : null,
      Number.isFinite(portfolioRoas) ? Plot.text([portfolioRoas], {x: (d: number) => d, frameAnchor: "bottom", text: (d: number) => `portfolio ${d.toFixed(2)}×`, dy: 14, textAnchor: "middle", fill: "var(--theme-foreground)", fontSize: 10}) : null,
      Plot.tip(data, Plot.pointerY({x: "roas", y: "name", channels: {Channel: "channel", Spend: "spend", Revenue: "revenue"}, format: {x: ".2f", Spend: "$,.0f", Revenue: "$,.0f", y: true}}))
    ]
  });
}
