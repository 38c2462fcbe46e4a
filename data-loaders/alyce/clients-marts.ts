/**
 * Alyce's client tables → the marts the "Clients and gifts" page reads. The page filters by date
 * range, industry and service in the reader's browser, so the marts keep those three as keys
 * (month, and the client's industry / the send's service) and sum everything else; distinct counts
 * that cannot be summed across months (clients active) keep the client as a key.
 *
 *   dim_client          one row per client: attributes, signup quarter, enrolled service, recipients on file
 *   fct_client_months   month × client × service: revenue, sends, units, Alyce's fee
 *   fct_gift_months     month × industry × service × gift type × bulk/single: revenue, sends, units
 *   fct_recipient_months month × industry × service × relationship × seniority: revenue, sends
 *   dim_recipient_counts client × relationship × seniority: recipients on file
 *   dim_service, dim_gift the services and the catalogue (for SQL joins)
 *   fct_sends           one row per send, narrow (dictionary-encoded), for the SQL explorer
 *
 * Revenue of a send = price × quantity (USD); Alyce's fee = revenue × the service's
 * platform_fee_rate. A send is "bulk" when it ships two or more units. Tested in
 * test/alyce/clients-marts.test.ts against hand-worked sums on a small fixture.
 */
import type {TableSpec} from "../shared/schema.js";
import {DAY_MS} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {GIFT_TYPES, INDUSTRIES, REGIONS, RELATIONSHIPS, SENIORITIES, SIZE_BANDS} from "./schema.js";

export const SEND_SIZES = ["Single", "Bulk"] as const;

/** First day of the month containing `day` (both days since 1970-01-01). */
export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** First day of the quarter containing `day` (both days since 1970-01-01). */
export function quarterStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), 3 * Math.floor(d.getUTCMonth() / 3), 1) / DAY_MS;
}

export interface Mart {
  spec: TableSpec;
  columns: TableColumns;
}

const money = (name: string, description: string) => ({name, type: "float64" as const, min: 0, unit: "USD", description});
const count = (name: string, description: string) => ({name, type: "int32" as const, min: 0, description});

/** Groups rows by a string key and sums numeric measures. */
class Grouper<K extends Record<string, unknown>> {
  private readonly groups = new Map<string, {key: K; sums: number[]}>();
  constructor(private readonly measures: readonly string[]) {}
  add(key: K, values: readonly number[]): void {
    const id = Object.values(key).join("\u0000");
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = {key, sums: this.measures.map(() => 0)}));
    for (let i = 0; i < values.length; i++) g.sums[i] += values[i];
  }
  /** Rows in first-seen order, then sorted by the key's values (stable, deterministic). */
  columns(keyNames: readonly (keyof K & string)[]): TableColumns {
    const rows = [...this.groups.values()].sort((a, b) => {
      for (const k of keyNames) {
        const x = a.key[k] as string | number;
        const y = b.key[k] as string | number;
        if (x !== y) return typeof x === "number" && typeof y === "number" ? x - y : String(x) < String(y) ? -1 : 1;
      }
      return 0;
    });
    const out: TableColumns = {};
    for (const k of keyNames) out[k] = rows.map((r) => r.key[k]);
    this.measures.forEach((m, i) => (out[m] = rows.map((r) => (Number.isInteger(r.sums[i]) ? r.sums[i] : Math.round(r.sums[i] * 100) / 100))));
    return out;
  }
}

export const dimClientSpec: TableSpec = {
  name: "dim_client",
  description: "Client companies with their enrolled service, signup quarter, totals and recipients on file.",
  grain: "client company",
  primaryKey: ["client_id"],
  columns: [
    {name: "client_id", type: "utf8", description: "Client."},
    {name: "company_name", type: "utf8", description: "Company name."},
    {name: "industry", type: "utf8", values: INDUSTRIES, description: "Industry."},
    {name: "size_band", type: "utf8", values: SIZE_BANDS, description: "Employees."},
    {name: "region", type: "utf8", values: REGIONS, description: "Region of the headquarters."},
    {name: "signup_date", type: "date", description: "Day the client signed up."},
    {name: "signup_quarter", type: "date", description: "First day of the signup quarter."},
    {name: "service", type: "utf8", description: "Name of the service the client is enrolled in (alyce_facts)."},
    money("total_spent", "Total spent on gifts (alyce_facts)."),
    count("gifts_sent", "Gifts sent (alyce_facts)."),
    count("recipients", "Recipients on file.")
  ]
};

export const fctClientMonthsSpec: TableSpec = {
  name: "fct_client_months",
  description: "What each client spent through each service in each month.",
  grain: "month × client × service",
  primaryKey: ["month", "client_id", "service"],
  columns: [
    {name: "month", type: "date", description: "First day of the month."},
    {name: "client_id", type: "utf8", description: "Client."},
    {name: "service", type: "utf8", description: "Service the gifts were sent through."},
    money("revenue", "Σ price × quantity."),
    count("sends", "Gifts sent."),
    count("units", "Units sent (Σ quantity)."),
    money("fee", "Alyce's fee: revenue × the service's platform_fee_rate.")
  ]
};

export const fctGiftMonthsSpec: TableSpec = {
  name: "fct_gift_months",
  description: "Sends by gift type and send size, per month, client industry and service.",
  grain: "month × industry × service × gift type × send size",
  primaryKey: ["month", "industry", "service", "gift_type", "send_size"],
  columns: [
    {name: "month", type: "date", description: "First day of the month."},
    {name: "industry", type: "utf8", values: INDUSTRIES, description: "Industry of the sending client."},
    {name: "service", type: "utf8", description: "Service."},
    {name: "gift_type", type: "utf8", values: GIFT_TYPES, description: "Kind of gift."},
    {name: "send_size", type: "utf8", values: SEND_SIZES, description: "Single (one unit) or Bulk (two or more units)."},
    money("revenue", "Σ price × quantity."),
    count("sends", "Gifts sent."),
    count("units", "Units sent.")
  ]
};

export const fctRecipientMonthsSpec: TableSpec = {
  name: "fct_recipient_months",
  description: "Sends by who received them, per month, client industry and service.",
  grain: "month × industry × service × relationship × seniority",
  primaryKey: ["month", "industry", "service", "relationship", "seniority"],
  columns: [
    {name: "month", type: "date", description: "First day of the month."},
    {name: "industry", type: "utf8", values: INDUSTRIES, description: "Industry of the sending client."},
    {name: "service", type: "utf8", description: "Service."},
    {name: "relationship", type: "utf8", values: RELATIONSHIPS, description: "What the recipient is to the client."},
    {name: "seniority", type: "utf8", values: SENIORITIES, description: "Recipient's seniority."},
    money("revenue", "Σ price × quantity."),
    count("sends", "Gifts sent.")
  ]
};

export const dimRecipientCountsSpec: TableSpec = {
  name: "dim_recipient_counts",
  description: "Recipients each client keeps on file, by relationship and seniority.",
  grain: "client × relationship × seniority",
  primaryKey: ["client_id", "relationship", "seniority"],
  columns: [
    {name: "client_id", type: "utf8", description: "Client."},
    {name: "relationship", type: "utf8", values: RELATIONSHIPS, description: "Relationship."},
    {name: "seniority", type: "utf8", values: SENIORITIES, description: "Seniority."},
    count("recipients", "Recipients on file.")
  ]
};

export const dimServiceSpec: TableSpec = {
  name: "dim_service",
  description: "Gifting services and Alyce's fee on each.",
  grain: "service",
  primaryKey: ["service_id"],
  columns: [
    {name: "service_id", type: "utf8", description: "Service id."},
    {name: "service", type: "utf8", description: "Service name."},
    {name: "platform_fee_rate", type: "float64", min: 0, max: 1, description: "Share of each gift's price Alyce keeps."}
  ]
};

export const dimGiftSpec: TableSpec = {
  name: "dim_gift",
  description: "The gift catalogue.",
  grain: "gift",
  primaryKey: ["gift_id"],
  columns: [
    {name: "gift_id", type: "utf8", description: "Gift id."},
    {name: "gift_name", type: "utf8", description: "Name."},
    {name: "gift_type", type: "utf8", values: GIFT_TYPES, description: "Kind of gift."},
    {name: "vendor", type: "utf8", description: "Vendor."},
    money("list_price", "List price of one unit.")
  ]
};

/** Dictionary-encode an id column when it has few enough distinct values (Arrow Int16 indices). */
function idValues(values: readonly unknown[]): readonly string[] | undefined {
  const distinct = [...new Set(values as string[])].sort();
  return distinct.length <= 30_000 ? distinct : undefined;
}

/** The spec with the given columns dictionary-encoded by the values found in the data (ids, service names). */
function withDictionaries(spec: TableSpec, values: Record<string, readonly unknown[]>): TableSpec {
  return {...spec, columns: spec.columns.map((c) => (values[c.name] ? {...c, values: idValues(values[c.name])} : c))};
}

/** The narrow send table the SQL explorer reads (ids dictionary-encoded to keep it small). */
export function fctSendsSpec(clientIds: readonly unknown[], giftIds: readonly unknown[], services: readonly unknown[]): TableSpec {
  return {
    name: "fct_sends",
    description: "Every gift sent, with the recipient's relationship and seniority and the gift's type.",
    grain: "gift sent",
    columns: [
      {name: "date", type: "date", description: "Day sent."},
      {name: "client_id", type: "utf8", values: idValues(clientIds), description: "Client (join dim_client)."},
      {name: "service", type: "utf8", values: idValues(services), description: "Service name."},
      {name: "gift_id", type: "utf8", values: idValues(giftIds), description: "Gift (join dim_gift)."},
      {name: "gift_type", type: "utf8", values: GIFT_TYPES, description: "Kind of gift."},
      {name: "relationship", type: "utf8", values: RELATIONSHIPS, description: "Recipient's relationship to the client."},
      {name: "seniority", type: "utf8", values: SENIORITIES, description: "Recipient's seniority."},
      {name: "price", type: "float64", min: 0, unit: "USD", description: "Price per unit."},
      {name: "quantity", type: "int32", min: 1, description: "Units."}
    ]
  };
}

/** Every mart of the page from the six validated raw tables. */
export function clientMarts(tables: ReadonlyMap<string, TableColumns>): {marts: Mart[]; firstDay: number; lastDay: number} {
  const get = (name: string) => {
    const t = tables.get(name);
    if (!t) throw new Error(`clientMarts: table ${name} is missing`);
    return t;
  };
  const clients = get("alyce_client");
  const gifts = get("alyce_giftdata");
  const services = get("alyce_services");
  const recipients = get("alyce_recipient");
  const sends = get("alyce_clientexpenditure");
  const facts = get("alyce_facts");

  const serviceName = new Map(services.service_id.map((id, i) => [id, services.service_name[i] as string]));
  const serviceFee = new Map(services.service_id.map((id, i) => [id, services.platform_fee_rate[i] as number]));
  const clientIndustry = new Map(clients.client_id.map((id, i) => [id, clients.industry[i] as string]));
  const giftType = new Map(gifts.gift_id.map((id, i) => [id, gifts.gift_type[i] as string]));
  const recipientIndex = new Map(recipients.recipient_id.map((id, i) => [id, i]));
  const factsOf = new Map(facts.client_id.map((id, i) => [id, i]));

  const clientMonths = new Grouper<{month: number; client_id: string; service: string}>(["revenue", "sends", "units", "fee"]);
  const giftMonths = new Grouper<{month: number; industry: string; service: string; gift_type: string; send_size: string}>(["revenue", "sends", "units"]);
  const recipientMonths = new Grouper<{month: number; industry: string; service: string; relationship: string; seniority: string}>(["revenue", "sends"]);
  const sendColumns: TableColumns = {date: [], client_id: [], service: [], gift_id: [], gift_type: [], relationship: [], seniority: [], price: [], quantity: []};
  let firstDay = Infinity;
  let lastDay = -Infinity;
  const n = sends.expenditure_id.length;
  for (let i = 0; i < n; i++) {
    const day = sends.date[i] as number;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
    const month = monthStart(day);
    const client = sends.client_id[i] as string;
    const service = serviceName.get(sends.service_id[i])!;
    const industry = clientIndustry.get(client)!;
    const quantity = sends.quantity[i] as number;
    const price = sends.price[i] as number;
    const revenue = price * quantity;
    const r = recipientIndex.get(sends.recipient_id[i])!;
    const relationship = recipients.relationship[r] as string;
    const seniority = recipients.seniority[r] as string;
    const type = giftType.get(sends.gift_id[i])!;
    clientMonths.add({month, client_id: client, service}, [revenue, 1, quantity, revenue * serviceFee.get(sends.service_id[i])!]);
    giftMonths.add({month, industry, service, gift_type: type, send_size: quantity >= 2 ? "Bulk" : "Single"}, [revenue, 1, quantity]);
    recipientMonths.add({month, industry, service, relationship, seniority}, [revenue, 1]);
    sendColumns.date.push(day);
    sendColumns.client_id.push(client);
    sendColumns.service.push(service);
    sendColumns.gift_id.push(sends.gift_id[i]);
    sendColumns.gift_type.push(type);
    sendColumns.relationship.push(relationship);
    sendColumns.seniority.push(seniority);
    sendColumns.price.push(price);
    sendColumns.quantity.push(quantity);
  }

  const recipientCounts = new Grouper<{client_id: string; relationship: string; seniority: string}>(["recipients"]);
  const recipientsOf = new Map<unknown, number>();
  recipients.client_id.forEach((c, i) => {
    recipientCounts.add({client_id: c as string, relationship: recipients.relationship[i] as string, seniority: recipients.seniority[i] as string}, [1]);
    recipientsOf.set(c, (recipientsOf.get(c) ?? 0) + 1);
  });

  const dimClient: TableColumns = {
    client_id: clients.client_id,
    company_name: clients.company_name,
    industry: clients.industry,
    size_band: clients.size_band,
    region: clients.region,
    signup_date: clients.signup_date,
    signup_quarter: clients.signup_date.map((d) => quarterStart(d as number)),
    service: clients.client_id.map((c) => {
      const f = factsOf.get(c);
      return f === undefined ? "(none)" : serviceName.get(facts.service_enrolled[f])!;
    }),
    total_spent: clients.client_id.map((c) => (factsOf.has(c) ? (facts.total_spent[factsOf.get(c)!] as number) : 0)),
    gifts_sent: clients.client_id.map((c) => (factsOf.has(c) ? (facts.gifts_sent[factsOf.get(c)!] as number) : 0)),
    recipients: clients.client_id.map((c) => recipientsOf.get(c) ?? 0)
  };

  const marts: Mart[] = [
    {spec: dimClientSpec, columns: dimClient},
    {spec: dimServiceSpec, columns: {service_id: services.service_id, service: services.service_name, platform_fee_rate: services.platform_fee_rate}},
    {spec: dimGiftSpec, columns: {gift_id: gifts.gift_id, gift_name: gifts.gift_name, gift_type: gifts.gift_type, vendor: gifts.vendor, list_price: gifts.price}},
    {spec: withDictionaries(fctClientMonthsSpec, {client_id: clients.client_id, service: services.service_name}), columns: clientMonths.columns(["month", "client_id", "service"])},
    {spec: withDictionaries(fctGiftMonthsSpec, {service: services.service_name}), columns: giftMonths.columns(["month", "industry", "service", "gift_type", "send_size"])},
    {spec: withDictionaries(fctRecipientMonthsSpec, {service: services.service_name}), columns: recipientMonths.columns(["month", "industry", "service", "relationship", "seniority"])},
    {spec: withDictionaries(dimRecipientCountsSpec, {client_id: clients.client_id}), columns: recipientCounts.columns(["client_id", "relationship", "seniority"])},
    {spec: fctSendsSpec(clients.client_id, gifts.gift_id, services.service_name), columns: sendColumns}
  ];
  return {marts, firstDay, lastDay};
}
