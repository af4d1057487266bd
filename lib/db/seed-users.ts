import type { PrismaClient } from "../generated/prisma/client";
import { foldForSearch, searchText } from "../profile/search";

// Names from several scripts and languages, so search and layout meet what real directories hold.
const FIRST = [
  "Zoë", "José", "François", "Søren", "Ærin", "Łukasz", "Małgorzata", "Jürgen", "Ângela", "Chloé", "Ingrid", "Mateo",
  "Aoife", "Siobhán", "Olumide", "Chidi", "Amara", "Priya", "Arjun", "Mei", "Hiroshi", "Yuki", "Minh", "Thảo",
  "Ahmed", "Fatima", "Leila", "Omar", "Noa", "Dmitri", "Анна", "Иван", "Ελένη", "Νίκος", "太郎", "花子", "伟",
  "娜", "민준", "서연", "राहुल", "अनन्या", "محمد", "فاطمة", "Anne-Marie", "Jean-Luc", "Mary Kate", "Wilhelmina",
];
const LAST = [
  "O'Brien", "Müller", "García", "Núñez", "Søndergaard", "Kowalski", "Wiśniewska", "Dvořák", "Nguyễn", "Tanaka",
  "Suzuki", "Okafor", "Adeyemi", "Patel", "Sharma", "Chen", "Wang", "Kim", "Park", "Haddad", "Cohen", "Levi",
  "Smith", "Johnson", "MacDonald", "van der Berg", "de la Cruz", "Иванов", "Петрова", "Παπαδόπουλος", "山田", "佐藤",
  "李", "김", "शर्मा", "الحسن", "Fitzgerald-Hughes", "Abernathy-Wolstenholme", "Da Silva", "Björk",
];
const ORGS = ["Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises", "Soylent", "Tyrell"];
const LANGS = ["en", "en-GB", "de", "de-CH", "fr", "es", "pt-BR", "ja", "zh-Hans", "ko", "hi", "ar", "ru", null];
const GENDERS = ["GENDER_UNSPECIFIED", "GENDER_FEMALE", "GENDER_MALE", "GENDER_DIVERSE"] as const;

/** A small deterministic PRNG, so the same --users N gives the same users every run (idempotent). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, "");

export interface SeedProgress {
  /** Users generated so far (inserted or already there), of `total`. */
  done: number;
  total: number;
  inserted: number;
  elapsedMs: number;
}

/** "Users 120,000 / 1,000,000 (120,000 new) · 14,800/s · about 59 s left". */
export function progressLine({ done, total, inserted, elapsedMs }: SeedProgress): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const rate = done / Math.max(elapsedMs / 1000, 0.001);
  const left = (total - done) / rate;
  const eta = done >= total ? "done" : left >= 90 ? `about ${Math.floor(left / 60)} min ${Math.round(left % 60)} s left` : `about ${Math.ceil(left)} s left`;
  return `Users ${n(done)} / ${n(total)} (${n(inserted)} new) · ${n(rate)}/s · ${eta}`;
}

/**
 * Inserts `count` generated users (seed-…) in batches of `batchSize`, one multi-row INSERT each;
 * existing ones are skipped, so a run can be repeated or extended. `progress` hears after every batch.
 */
export async function seedUsers(
  client: PrismaClient,
  count: number,
  passwordHash: string,
  { batchSize = 10_000, progress }: { batchSize?: number; progress?: (p: SeedProgress) => void } = {},
): Promise<number> {
  const orgIds: string[] = [];
  for (const name of ORGS) {
    orgIds.push((await client.organization.upsert({ where: { name }, update: {}, create: { name } })).id);
  }
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  let inserted = 0;
  const started = performance.now();
  for (let start = 0; start < count; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const firstName = pick(FIRST);
      const lastName = pick(LAST);
      const handle = `${ascii(firstName) || "user"}.${ascii(lastName) || "x"}`;
      const username = `seed-${handle}-${i}`;
      const email = `${handle}.${i}@example.org`;
      const displayName = rnd() < 0.1 ? `${firstName} ${lastName} (${pick(ORGS)})` : `${firstName} ${lastName}`;
      const nickName = rnd() < 0.2 ? firstName.slice(0, 3) : null;
      rows.push({
        username, email, firstName, lastName, displayName, nickName,
        preferredLanguage: pick(LANGS),
        gender: pick(GENDERS),
        role: rnd() < 0.01 ? ("ORG_ADMIN" as const) : ("USER" as const),
        orgId: pick(orgIds),
        passwordHash,
        searchText: searchText({ username, email, firstName, lastName, displayName, nickName }),
        createdAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 5 * 365 * 86400_000)),
      });
    }
    inserted += await insertUsers(client, rows);
    progress?.({ done: start + rows.length, total: count, inserted, elapsedMs: performance.now() - started });
  }
  return inserted;
}

type Row = {
  username: string; email: string; firstName: string; lastName: string; displayName: string; nickName: string | null;
  preferredLanguage: string | null; gender: string; role: string; orgId: string; passwordHash: string; searchText: string;
  createdAt: Date;
};

/** One INSERT per batch with a column array each (unnest): far faster than row-by-row parameters. */
async function insertUsers(client: PrismaClient, rows: Row[]): Promise<number> {
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  return client.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "username", "email", "firstName", "lastName", "displayName", "nickName", "preferredLanguage",
       "gender", "role", "orgId", "passwordHash", "searchText", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, u.*, now() AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[]::"Gender"[], $9::text[]::"Role"[], $10::text[], $11::text[], $12::text[], $13::timestamp(3)[]) AS u
     ON CONFLICT DO NOTHING`,
    col("username"), col("email"), col("firstName"), col("lastName"), col("displayName"), col("nickName"),
    col("preferredLanguage"), col("gender"), col("role"), col("orgId"), col("passwordHash"), col("searchText"), col("createdAt"),
  );
}
