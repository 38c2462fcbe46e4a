/**
 * CRM campaigns as randomised tests. On the send day, eligible members (consent for the channel,
 * last purchase within the campaign's range) are split into control and variants; variants get
 * the message. A delivered message makes a live member buy once more, on top of ordinary
 * purchases, with probability τ: the variant's base effect times who the member is (segment,
 * recent activity, age; parameters.ts). Dead members do not respond. So the true effect of a
 * variant on "bought within the window" is, per member, P(delivered) · alive · τ · (1 − q), with q
 * the chance of an ordinary purchase in the window anyway — known exactly here and kept as truth.
 * The message funnel (sent → delivered → opened → clicked → purchased) is drawn per recipient;
 * responders open and click more; "purchased" is the platform's attribution: a click followed by
 * an order within the window.
 */
import type {Random} from "../shared/random.js";
import {DAYS, dayIndex} from "./calendar.js";
import {CAMPAIGNS, CLICK_WITHOUT_OPEN, FUNNEL, SEGMENTS, SEGMENT_TRUTH, UPLIFT_CAP, UPLIFT_RECENCY, UPLIFT_YOUNG, type CampaignTruth} from "./parameters.js";
import type {Variant} from "./schema.js";
import type {Members} from "./simulateMembers.js";
import {chooseStore, expectedPurchasesBetween, type MemberDemand, type OrderLog, type PurchaseTruth} from "./simulatePurchases.js";

export interface Assignment {
  campaign: number;
  member: number;
  variant: Variant;
  minute: number; // minute of the send day
  /** True effect on P(buy within the window) of this member's arm (0 for control), and what the member's variant would do if treated. */
  trueEffect: number;
  /** The member's τ under variant A and B (before delivery, aliveness and q), for uplift truth. */
  tauA: number;
  tauB: number;
  /** P(ordinary purchase in the window | alive) and alive at send. */
  q: number;
  alive: boolean;
  /** Lost from the export by the planted logging bug (still truly assigned). */
  lost: boolean;
}

export interface CampaignEvent {
  campaign: number;
  member: number;
  type: "sent" | "delivered" | "opened" | "clicked" | "purchased";
  /** Minutes since the window start (day 0, 00:00). */
  time: number;
}

export interface CampaignSimulation {
  assignments: Assignment[];
  events: CampaignEvent[];
}

/** Whether member i is eligible for campaign c on its send day (by ordinary purchase history). */
function eligible(c: CampaignTruth, members: Members, purchases: PurchaseTruth, i: number, sendDay: number): {ok: boolean; daysSinceLast: number} {
  if (members.acquisitionDay[i] >= sendDay) return {ok: false, daysSinceLast: NaN};
  const consent = c.channel === "email" ? members.emailOptIn[i] : c.channel === "sms" ? members.smsOptIn[i] : members.pushOptIn[i];
  if (!consent) return {ok: false, daysSinceLast: NaN};
  let last = -1;
  for (let k = purchases.offsets[i]; k < purchases.offsets[i + 1]; k++) {
    const d = purchases.days[k];
    if (d < sendDay) last = d;
    else break;
  }
  const since = sendDay - last;
  return {ok: last >= 0 && since >= c.lastPurchaseWithin[0] && since <= c.lastPurchaseWithin[1], daysSinceLast: since};
}

/** τ of member i for a base effect (segment, recency and age modulate it). */
export function individualEffect(base: number, members: Members, i: number, daysSinceLast: number, sendDay: number): number {
  const segment = SEGMENT_TRUTH[SEGMENTS[members.segment[i]]];
  const age = 2023 + Math.floor(sendDay / 365.25) - members.birthYear[i];
  const tau = base * segment.campaignResponse * Math.exp(UPLIFT_RECENCY * (daysSinceLast <= 30 ? 1 : 0)) * Math.exp(UPLIFT_YOUNG * (age < 35 ? 1 : 0));
  return Math.min(UPLIFT_CAP, tau);
}

export function simulateCampaigns(random: Random, members: Members, purchases: PurchaseTruth, demand: MemberDemand, log: OrderLog): CampaignSimulation {
  const assignments: Assignment[] = [];
  const events: CampaignEvent[] = [];
  const clickers: {campaign: number; member: number; time: number; windowEnd: number}[] = [];
  CAMPAIGNS.forEach((c, ci) => {
    const rnd = random.fork(`campaign-${c.id}`);
    const sendDay = dayIndex(c.sendDate);
    const windowEnd = Math.min(DAYS - 1, sendDay + c.windowDays - 1);
    const funnel = FUNNEL[c.channel];
    for (let i = 0; i < members.n; i++) {
      const {ok, daysSinceLast} = eligible(c, members, purchases, i, sendDay);
      if (!ok) continue;
      const u = rnd.uniform();
      const variant: Variant = u < c.controlShare ? "control" : c.effectB === null || u < c.controlShare + (1 - c.controlShare) / 2 ? "A" : "B";
      const alive = purchases.dropDay[i] >= sendDay;
      const q = alive ? 1 - Math.exp(-expectedPurchasesBetween(demand, members, i, sendDay, windowEnd)) : 0;
      const tauA = individualEffect(c.effectA, members, i, daysSinceLast, sendDay);
      const tauB = c.effectB === null ? 0 : individualEffect(c.effectB, members, i, daysSinceLast, sendDay);
      const tau = variant === "A" ? tauA : variant === "B" ? tauB : 0;
      const minute = 8 * 60 + rnd.int(30);
      const lost = variant === "control" && c.lostControlShare > 0 && members.appUser[i] === 1 && rnd.uniform() < Math.min(1, c.lostControlShare / 0.45);
      assignments.push({campaign: ci, member: i, variant, minute, trueEffect: alive ? funnel.delivered * tau * (1 - q) : 0, tauA, tauB, q, alive, lost});
      if (variant === "control") continue;
      // The message and its funnel.
      const sent = sendDay * 1440 + minute;
      events.push({campaign: ci, member: i, type: "sent", time: sent});
      if (rnd.uniform() >= funnel.delivered) continue;
      const delivered = sent + rnd.int(3);
      events.push({campaign: ci, member: i, type: "delivered", time: delivered});
      const responds = alive && rnd.uniform() < tau;
      const windowClose = (windowEnd + 1) * 1440 - 1;
      let clickTime = NaN;
      if (funnel.opened === null) {
        if (rnd.uniform() < (responds ? 0.6 : funnel.clicked)) clickTime = Math.min(windowClose, delivered + Math.round(rnd.exponential(1 / 90)));
      } else {
        const opens = rnd.uniform() < (responds ? 0.9 : funnel.opened);
        const openTime = Math.min(windowClose, delivered + Math.round(rnd.exponential(1 / 360)));
        const clicks = responds ? rnd.uniform() < 0.85 : opens && rnd.uniform() < funnel.clicked;
        const pixelBlocked = c.channel === "email" && clicks && rnd.uniform() < CLICK_WITHOUT_OPEN;
        if ((opens || clicks) && !pixelBlocked) events.push({campaign: ci, member: i, type: "opened", time: openTime});
        if (clicks) clickTime = Math.min(windowClose, openTime + 1 + rnd.int(20));
      }
      if (!Number.isNaN(clickTime)) {
        events.push({campaign: ci, member: i, type: "clicked", time: clickTime});
        clickers.push({campaign: ci, member: i, time: clickTime, windowEnd});
      }
      if (responds) {
        // The extra purchase: soon after the message (or the click), mostly online.
        const start = Number.isNaN(clickTime) ? delivered + 30 : clickTime + 2;
        const time = Math.min(windowClose, start + Math.round(rnd.exponential(1 / (1.5 * 1440)) * (rnd.uniform() < 0.5 ? 0.2 : 1)));
        const day = Math.floor(time / 1440);
        const online = rnd.uniform() < 0.72;
        const channel = online ? (members.appUser[i] && (c.channel === "push" || rnd.uniform() < 0.6) ? 2 : 1) : 0;
        log.member.push(i);
        log.day.push(day);
        log.minute.push(channel === 0 ? Math.max(8 * 60, time % 1440) : time % 1440);
        log.channel.push(channel);
        log.store.push(channel === 0 ? chooseStore(rnd, members.nearStores[i], day) : -1);
        log.campaign.push(ci);
      }
    }
  });
  // "purchased": the platform attributes the first order after a click within the window.
  const byMember = new Map<number, number[]>();
  for (let k = 0; k < log.member.length; k++) {
    const m = log.member[k];
    if (m < 0) continue;
    let list = byMember.get(m);
    if (!list) byMember.set(m, (list = []));
    list.push(log.day[k] * 1440 + log.minute[k]);
  }
  for (const list of byMember.values()) list.sort((a, b) => a - b);
  for (const click of clickers) {
    const times = byMember.get(click.member) ?? [];
    const next = times.find((t) => t > click.time && t < (click.windowEnd + 1) * 1440);
    if (next !== undefined) events.push({campaign: click.campaign, member: click.member, type: "purchased", time: next});
  }
  events.sort((a, b) => a.time - b.time || a.campaign - b.campaign || a.member - b.member);
  return {assignments, events};
}
