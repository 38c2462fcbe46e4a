/**
 * Data tests of Alyce's operational tables: keys, references and categories from the schema,
 * plus the business rules the study relied on: every client has its facts row and the facts equal
 * the sums of the sends, no gift is sent before its client signed up, and a client sends only to
 * its own recipients.
 */
import {testsFromSpec, type ModelTests} from "../shared/datatests.js";
import type {TableColumns} from "../shared/validate.js";
import {clientTables} from "./schema.js";

function sumsBySend(tables: ReadonlyMap<string, TableColumns>) {
  const sends = tables.get("alyce_clientexpenditure")!;
  const spent = new Map<unknown, number>();
  const count = new Map<unknown, number>();
  sends.client_id.forEach((c, i) => {
    spent.set(c, (spent.get(c) ?? 0) + (sends.price[i] as number) * (sends.quantity[i] as number));
    count.set(c, (count.get(c) ?? 0) + 1);
  });
  return {spent, count};
}

export const clientModelTests: ModelTests[] = [
  ...clientTables.map((spec) => ({model: spec.name, tests: testsFromSpec(spec)})),
  {
    model: "alyce_facts",
    dependsOn: ["alyce_clientexpenditure"],
    tests: [
      {
        kind: "expression",
        name: "facts_match_sends",
        description: "total_spent and gifts_sent equal the sums over the client's sends (to the cent)",
        failures: (facts, tables) => {
          const {spent, count} = sumsBySend(tables);
          const bad: number[] = [];
          facts.client_id.forEach((c, i) => {
            if (Math.abs((spent.get(c) ?? 0) - (facts.total_spent[i] as number)) > 0.01 || (count.get(c) ?? 0) !== facts.gifts_sent[i]) bad.push(i);
          });
          return bad;
        }
      }
    ]
  },
  {
    model: "alyce_client",
    dependsOn: ["alyce_facts"],
    tests: [
      {
        kind: "expression",
        name: "facts_cover_clients",
        description: "every client has a row in alyce_facts",
        failures: (clients, tables) => {
          const known = new Set(tables.get("alyce_facts")!.client_id);
          return clients.client_id.flatMap((c, i) => (known.has(c) ? [] : [i]));
        }
      }
    ]
  },
  {
    model: "alyce_clientexpenditure",
    dependsOn: ["alyce_client", "alyce_recipient"],
    tests: [
      {
        kind: "expression",
        name: "recipient_belongs_to_client",
        description: "each gift goes to a recipient kept by the client who sent it",
        failures: (sends, tables) => {
          const recipients = tables.get("alyce_recipient")!;
          const owner = new Map(recipients.recipient_id.map((r, i) => [r, recipients.client_id[i]]));
          return sends.recipient_id.flatMap((r, i) => (owner.has(r) && owner.get(r) !== sends.client_id[i] ? [i] : []));
        }
      },
      {
        kind: "expression",
        name: "sent_after_signup",
        description: "no gift is sent before its client signed up",
        failures: (sends, tables) => {
          const clients = tables.get("alyce_client")!;
          const signup = new Map(clients.client_id.map((c, i) => [c, clients.signup_date[i] as number]));
          const bad: number[] = [];
          sends.date.forEach((d, i) => {
            if ((d as number) < (signup.get(sends.client_id[i]) ?? -Infinity)) bad.push(i);
          });
          return bad;
        }
      }
    ]
  }
];
