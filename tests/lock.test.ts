import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataFolder } from "@/lib/db/lock";

describe("the embedded database lock", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "profile-lock-"));
  const lockFile = path.join(folder, "pglite.lock");
  afterEach(() => fs.rmSync(lockFile, { force: true }));

  it("refuses a second opener with a message that says who holds it", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      fs.writeFileSync(lockFile, String(holder.pid));
      expect(() => lockDataFolder(folder)).toThrow(`is in use by process ${holder.pid} (a running server, migration or seed)`);
      expect(fs.readFileSync(lockFile, "utf8")).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it("refuses a second open in the same process", () => {
    const release = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow("in use by this process already");
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("takes over a lock left behind by a process that died", () => {
    fs.writeFileSync(lockFile, "2147483646");
    const release = lockDataFolder(folder);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
  });
});
