import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildSearchText } from "@/lib/db/rebuild-search";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { searchUsers } from "@/lib/profile/admin";
import { updateProfile } from "@/lib/profile/service";
import type { Caller } from "@/lib/profile/types";
import { createTestDb, DB_KINDS, makeUser, type TestDb } from "./helpers/db";

const MIGRATION = "20261128170000_search_transliterate";

// Keyed by a label for the tables below; usernames are random (user-<hex>), so only the names can match.
const PEOPLE = {
  søren: ["Søren", "Kierkegaard"],
  "soren (typed in ASCII)": ["Soren", "Larsen"],
  łukasz: ["Łukasz", "Nowak"],
  æron: ["Æron", "Quill"],
  straße: ["Hanna", "Straße"],
  "strasse (typed in ASCII)": ["Peter", "Strasse"],
  zoë: ["Zoë", "Wells"],
  müller: ["Jürgen", "Müller"],
  山田: ["太郎", "山田"],
  shannon: ["Shannon", "Lee"],
  иван: ["Иван", "Петров"],
  "ivan (Latin)": ["Ivan", "Horvat"],
  "o'brien": ["Siobhán", "O'Brien"],
  ελένη: ["Ελένη", "Παπαδοπούλου"],
} as const;
type Label = keyof typeof PEOPLE;

// Query → exactly the people it finds.
const SEARCHES: [q: string, found: Label[]][] = [
  ["soren", ["søren", "soren (typed in ASCII)"]],
  ["søren", ["søren", "soren (typed in ASCII)"]],
  ["SØREN", ["søren", "soren (typed in ASCII)"]],
  ["sØrEn KIERKE", ["søren"]],
  ["lukasz", ["łukasz"]],
  ["ŁUKASZ nowak", ["łukasz"]],
  ["aeron", ["æron"]],
  ["Æron", ["æron"]],
  ["strasse", ["straße", "strasse (typed in ASCII)"]],
  ["straße", ["straße", "strasse (typed in ASCII)"]],
  ["STRAẞE", ["straße", "strasse (typed in ASCII)"]],
  ["hanna STRAßE", ["straße"]],
  ["zoe", ["zoë"]],
  ["ZOË", ["zoë"]],
  ["Zoe\u0308 wells", ["zoë"]],
  ["mull", ["müller"]],
  ["MÜLL", ["müller"]],
  ["jurgen", ["müller"]],
  ["山田", ["山田"]],
  ["太郎 山田", ["山田"]],
  ["山", ["山田"]], // as typed: its transliteration "shan" would also find Shannon
  ["shantian", ["山田"]],
  ["иван", ["иван"]],
  ["ИВАН петров", ["иван"]],
  ["ivan", ["иван", "ivan (Latin)"]],
  ["petrov", ["иван"]],
  ["o'brien", ["o'brien"]],
  ["O’BRIEN", ["o'brien"]],
  ["siobhan", ["o'brien"]],
  ["ελένη", ["ελένη"]],
  ["ΕΛΕΝΗ", ["ελένη"]],
  ["eleni", ["ελένη"]],
  ["山田 ivan", []],
  ["sorenx", []],
  // One or two letters: the start of a word (a trigram can find " zo", not a "zo" inside a word).
  ["zo", ["zoë"]],
  ["Z", ["zoë"]],
  ["mü", ["müller"]],
  ["mu", ["müller"]],
  ["ll", []], // inside "müller" and "wells", at the start of no word
  ["ou", []], // inside "papadopoulou", at the start of no word
  ["iv", ["иван", "ivan (Latin)"]],
  ["ив", ["иван"]],
  ["ε", ["ελένη"]],
  ["田", ["山田"]], // a character of an unspaced script starts a word of its own
  ["山田", ["山田"]],
  ["田山", []], // ...but two are found only side by side, as typed
  ["s kier", ["søren"]],
  ["o'", ["o'brien"]],
  ["hanna s", ["straße"]],
];

describe.each(DB_KINDS)("search on %s", (kind) => {
  let t: TestDb;
  let admin: Caller;
  const ids = new Map<Label, string>();
  const labelOf = (id: string) => [...ids].find(([, v]) => v === id)?.[0] ?? id;
  const found = async (q: string) => (await searchUsers(admin, { q })).rows.map((r) => labelOf(r.id)).sort();

  beforeAll(async () => {
    t = await createTestDb(kind);
    const me = await makeUser(t.client, { role: "ADMIN" });
    admin = { id: me.id, orgId: me.orgId, role: me.role };
    await updateProfile(admin, me.id, { firstName: "Ada", lastName: "Admin", displayName: "Ada Admin" }, { via: "ADMIN" });
    for (const [label, [firstName, lastName]] of Object.entries(PEOPLE) as [Label, readonly [string, string]][]) {
      const user = await makeUser(t.client);
      // Through the service, which stores the search text.
      await updateProfile(admin, user.id, { firstName, lastName, displayName: `${firstName} ${lastName}` }, { via: "ADMIN" });
      ids.set(label, user.id);
    }
  });
  afterAll(() => t.close());

  it.each(SEARCHES)("%j finds %j", async (q, expected) => {
    expect(await found(q)).toEqual([...expected].sort());
  });

  it("stores each word once, folded, and its transliteration only when that differs, each after a space", async () => {
    const stored = async (label: Label) => {
      const user = await t.client.user.findUniqueOrThrow({ where: { id: ids.get(label)! } });
      return { prefix: ` ${user.username.replace("-", " ")} example com`, text: user.searchText };
    };
    const søren = await stored("søren");
    expect(søren.text).toBe(`${søren.prefix} søren kierkegaard soren`);
    const soren = await stored("soren (typed in ASCII)");
    expect(soren.text).toBe(`${soren.prefix} soren larsen`);
    const yamada = await stored("山田");
    expect(yamada.text).toBe(`${yamada.prefix} 太郎 山田 tailang shantian 太 郎 山 田`);
    const obrien = await stored("o'brien");
    expect(obrien.text).toBe(`${obrien.prefix} siobhan o brien`);
  });

  it("the migration empties search text, and the rebuild restores it; a second run does nothing", async () => {
    const applied = await t.client.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(applied.map((m) => m.migration_name)).toContain(MIGRATION);
    const before = await t.client.user.findMany({ select: { id: true, searchText: true }, orderBy: { id: "asc" } });

    // Run the migration's own statement again, as on a database that predates it.
    await t.client.$executeRawUnsafe(fs.readFileSync(path.join(MIGRATIONS_DIR, MIGRATION, "migration.sql"), "utf8"));
    expect(await t.client.user.count({ where: { NOT: { searchText: "" } } })).toBe(0);
    expect(await found("soren")).toEqual([]);
    // A row the app rewrote meanwhile is not empty, so the rebuild leaves it alone.
    await t.client.user.update({ where: { id: ids.get("shannon")! }, data: { searchText: "written meanwhile" } });

    const lines: string[] = [];
    const rebuilt = await rebuildSearchText(t.client, { batchSize: 4, log: (line) => lines.push(line) });
    expect(rebuilt).toBe(before.length - 1);
    expect(lines).toHaveLength(Math.ceil((before.length - 1) / 4));
    const after = await t.client.user.findMany({ select: { id: true, searchText: true }, orderBy: { id: "asc" } });
    const shannon = ids.get("shannon")!;
    expect(after.filter((u) => u.id !== shannon)).toEqual(before.filter((u) => u.id !== shannon));
    expect(after.find((u) => u.id === shannon)?.searchText).toBe("written meanwhile");
    expect(await found("soren")).toEqual(["soren (typed in ASCII)", "søren"]);
    expect(await found("山田")).toEqual(["山田"]);

    const again: string[] = [];
    expect(await rebuildSearchText(t.client, { log: (line) => again.push(line) })).toBe(0);
    expect(again).toEqual([]);
    expect(await t.client.user.findMany({ select: { id: true, searchText: true }, orderBy: { id: "asc" } })).toEqual(after);
  });
});
