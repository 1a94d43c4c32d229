// A producer team of another system of the network, with the official CloudEvents JavaScript SDK and kafkajs,
// against a running ./run-local. It publishes lifecycle events in both content modes (extensions, time offsets),
// records the platform must refuse, and reads every topic the platform publishes with the SDK.
// Exit code 0 when everything the platform did is what its README promises.
import { CloudEvent, Kafka as CE } from "cloudevents";
import { Kafka, logLevel } from "kafkajs";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

const root = new URL("../../../", import.meta.url).pathname;
const stack = Object.fromEntries(readFileSync(root + ".local-data/stack.properties", "utf8").split("\n")
  .filter((l) => l.includes("=")).map((l) => l.split(/=(.*)/s).slice(0, 2)));
const brokers = stack["kafka.bootstrap.servers"].split(",");
const KC = "http://127.0.0.1:8180/realms/rgpd/protocol/openid-connect/token";
const RETENTION = "http://127.0.0.1:8083";
const SOURCE = "urn:assurancemaladie:sih:affiliation";
const failures = [];
const check = (ok, what) => { console.log((ok ? "ok   " : "FAIL ") + what); if (!ok) failures.push(what); };

async function token(form) {
  const r = await fetch(KC, { method: "POST", body: new URLSearchParams(form) });
  if (!r.ok) throw new Error("token: " + r.status);
  return (await r.json()).access_token;
}
const system = await token({ grant_type: "client_credentials", client_id: "sih-lifecycle", client_secret: "sih-lifecycle-dev-secret" });
const dpo = await token({ grant_type: "password", client_id: "rgpd-cli", username: "dpo.paris", password: "dpo.paris" });
const subject = () => randomBytes(32).toString("hex");
const data = (s, type = "rights-end") => ({ subjectRef: s, occurredOn: "2026-01-15", caisseCode: "CPAM-75", ficheNumbers: [1] });

const kafka = new Kafka({ clientId: "node-sdk-probe", brokers, logLevel: logLevel.NOTHING });
const producer = kafka.producer();
await producer.connect();
async function send(message, extraHeaders = { "rgpd-publisher-token": system }) {
  // the SDK leaves unset attributes as undefined and extensions in their JSON types: headers are text
  const headers = Object.fromEntries(Object.entries({ ...message.headers, ...extraHeaders })
    .filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
  // the SDK's binary message carries JSON data as an object: kafkajs wants bytes
  const value = typeof message.value === "string" || Buffer.isBuffer(message.value) ? message.value
    : JSON.stringify(message.value);
  await producer.send({ topic: "lifecycle.events", messages: [{ key: message.key, value, headers }] });
}
const event = (s, attrs = {}) => new CloudEvent({
  id: randomUUID(), source: SOURCE, type: "fr.assurancemaladie.lifecycle.rights-end", datacontenttype: "application/json",
  data: data(s), partitionkey: s, ...attrs });

const good = {
  binary: subject(), structured: subject(), extensions: subject(), offset: subject(),
};
await send(CE.binary(event(good.binary)));
await send(CE.structured(event(good.structured)));
await send(CE.structured(event(good.extensions, { subject: "dossier-42", dataschema: "https://schemas.example/lifecycle/1",
  traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", attempt: 3, replayed: false })));
await send(CE.binary(event(good.offset, { time: "2026-01-15T23:30:00.123-10:00" })));

const bad = { noToken: subject(), litigation: subject(), time: subject(), garbage: subject(), tooLarge: subject(),
  otherSource: subject() };
await send(CE.binary(event(bad.noToken)), {});
await send(CE.binary(event(bad.litigation, { type: "fr.assurancemaladie.lifecycle.litigation-closed" })));
const wrongTime = CE.binary(event(bad.time));
wrongTime.headers["ce_time"] = "2026-01-15T10:00:00+0100";
await send(wrongTime);
await send({ key: bad.garbage, value: "{\"specversion\":\"1.0\",\"id\":1}", headers: { "content-type": "application/cloudevents+json; charset=UTF-8" } });
await send(CE.structured(event(bad.tooLarge, { data: { ...data(bad.tooLarge), padding: "x".repeat(200_000) } })));
await send(CE.binary(event(bad.otherSource, { source: "urn:someone:else" })));

// what was scheduled
async function schedules(s) {
  const r = await fetch(`${RETENTION}/api/v1/schedules?subjectRef=${s}`, { headers: { Authorization: "Bearer " + dpo } });
  return (await r.json()).items ?? [];
}
const deadline = Date.now() + 30_000;
let seen = {};
while (Date.now() < deadline) {
  for (const [k, s] of Object.entries(good)) seen[k] = (await schedules(s)).length;
  if (Object.values(seen).every((n) => n > 0)) break;
  await new Promise((r) => setTimeout(r, 500));
}
for (const [k, n] of Object.entries(seen)) check(n > 0, `${k}: scheduled (${n})`);
for (const [k, s] of Object.entries(bad)) check((await schedules(s)).length === 0, `${k}: nothing scheduled`);

// what was dead-lettered, and why
const dlq = await readTopic("lifecycle.events.dlq", false);
for (const [k, s] of Object.entries(bad)) {
  const d = dlq.find((m) => m.key === s);
  check(!!d, `${k}: on lifecycle.events.dlq` + (d ? ` — ${d.headers["dead-letter-reason"]}` : ""));
  if (d) check(!d.headers["rgpd-publisher-token"], `${k}: the DLQ copy carries no token`);
}

// every topic the platform publishes, read with the SDK
for (const topic of ["register.fiches", "rights.events", "retention.deletion-orders"]) {
  const messages = await readTopic(topic, true);
  const broken = messages.filter((m) => m.error);
  check(broken.length === 0, `${topic}: ${messages.length} records, every one a valid CloudEvent for the SDK`
    + (broken.length ? ` (${broken[0].error})` : ""));
}
await producer.disconnect();
console.log(failures.length ? `\n${failures.length} failures` : "\nall good");
process.exit(failures.length ? 1 : 0);

async function readTopic(topic, decode) {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(offsets.filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high)]));
  const out = [];
  if (remaining.size === 0) return out;
  const consumer = kafka.consumer({ groupId: "node-sdk-probe-" + randomUUID() });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise((resolve) => {
    consumer.run({ eachMessage: async ({ partition, message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]));
      const m = { key: message.key?.toString(), value: message.value?.toString(), headers };
      if (decode) {
        try {
          const e = CE.toEvent({ key: m.key, value: m.value, headers, body: m.value, timestamp: message.timestamp });
          (Array.isArray(e) ? e : [e]).forEach((x) => x.validate());
        } catch (err) { m.error = String(err.message ?? err); }
      }
      out.push(m);
      if (BigInt(message.offset) + 1n >= remaining.get(partition)) remaining.delete(partition);
      if (remaining.size === 0) resolve();
    } });
  });
  await consumer.disconnect();
  return out;
}
