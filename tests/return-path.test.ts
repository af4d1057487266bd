import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("the return path after sign-in stays on this site", () => {
  it.each([
    ["/profile", "/profile"],
    ["/admin/users?q=zo%C3%AB&page=2", "/admin/users?q=zo%C3%AB&page=2"],
    ["/admin/users/abc#history", "/admin/users/abc#history"],
    ["/settings/./tokens", "/settings/tokens"],
    ["/a/../profile", "/profile"],
  ])("keeps %j as %j", (input, expected) => expect(safeReturnPath(input)).toBe(expected));

  it.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/profile"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["tab after the slash (browsers drop it)", "/\t/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/profile\u0000"],
    ["encoded slash", "/%2F/evil.example"],
    ["encoded slash, lower case", "/%2f%2fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded NUL", "/profile%00"],
    ["absolute http URL", "http://evil.example/profile"],
    ["absolute https URL", "https://evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["no leading slash", "evil.example"],
    ["leading space", " /profile"],
    ["dot segments that climb to a double slash", "/..//evil.example"],
    ["empty", ""],
    ["not text", 42],
    ["an array (repeated parameter)", ["/profile", "//evil.example"]],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, input) => expect(safeReturnPath(input)).toBe("/profile"));
});
