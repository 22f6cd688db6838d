import { describe, expect, it } from "vitest";
import { hasWellFormedArguments, isWellFormedTextArguments } from "@/app/_lib/action-encoding";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("server-action bodies checked before Next.js decodes them", () => {
  it("accepts what React encodes for a form action", () => {
    expect(hasWellFormedArguments(form({ "1_parkId": "x", "1_title": "<b>'; drop table", "0": '[null,"$K1"]' }))).toBe(true);
    expect(hasWellFormedArguments(form({ "$ACTION_REF_1": "", "$ACTION_1:0": '{"id":"7f00","bound":null}', "1_x": "{" }))).toBe(true);
  });

  it("refuses an argument field that is not JSON", () => {
    expect(hasWellFormedArguments(form({ "0": '[null, "$K1"' }))).toBe(false);
    expect(hasWellFormedArguments(form({ "0": "" }))).toBe(false);
    expect(hasWellFormedArguments(form({ "0": "[]", "3": "{'a':1}" }))).toBe(false);
    expect(hasWellFormedArguments(form({ "$ACTION_1:0": "not json" }))).toBe(false);
  });

  it("refuses a file where an argument belongs", () => {
    const f = new FormData();
    f.append("0", new Blob(["[]"]), "args.json");
    expect(hasWellFormedArguments(f)).toBe(false);
  });

  it("accepts a JSON array as a text body and nothing else", () => {
    expect(isWellFormedTextArguments('["a",1,{"b":null}]')).toBe(true);
    expect(isWellFormedTextArguments('{"0":1}')).toBe(false);
    expect(isWellFormedTextArguments("")).toBe(false);
    expect(isWellFormedTextArguments('["a"')).toBe(false);
  });

  // Each of these was a 500 inside Next.js's decoder (issue 22): a part that is not there or not of the
  // referenced kind, or a nesting that overflows its recursion.
  it.each([
    ["a server reference", '[null,"$F1"]'],
    ["a Map", '[null,"$Q1"]'],
    ["a Set", '[null,"$W1"]'],
    ["an iterator", '[null,"$i1"]'],
    ["a bare part reference", '[null,"$1"]'],
    ["a server reference (h)", '[null,"$h1"]'],
    ["a temporary reference", '[null,"$T"]'],
    ["a blob", '[null,"$B1"]'],
    ["a typed array", '[null,"$o1"]'],
    ["a stream", '[null,"$R1"]'],
    ["a promise of a missing part", '[null,"$@1"]'],
    ["a nested reference", '[{"a":[{"b":"$Q2"}]},"$K1"]'],
  ])("refuses %s", (_kind, args) => {
    expect(hasWellFormedArguments(form({ "0": args, "1_x": "y" }))).toBe(false);
    expect(isWellFormedTextArguments(args)).toBe(false);
  });

  it("refuses nesting deeper than any action's state, without overflowing its own stack", () => {
    const deep = `${"[".repeat(60_000)}${"]".repeat(60_000)}`;
    expect(hasWellFormedArguments(form({ "0": deep }))).toBe(false);
    expect(isWellFormedTextArguments(deep)).toBe(false);
    const objects = `${'{"a":'.repeat(40)}1${"}".repeat(40)}`;
    expect(isWellFormedTextArguments(`[${objects}]`)).toBe(false);
  });

  it("accepts the references a form's state and arguments can carry", () => {
    const state = '{"ok":false,"message":"x","fieldErrors":{"name":["required"]},"values":{"name":"$$5","at":"$D2026-01-01T00:00:00.000Z","n":"$undefined"}}';
    expect(hasWellFormedArguments(form({ "0": `[${state},"$K1"]`, "1_name": "$Q1" }))).toBe(true);
    expect(isWellFormedTextArguments('["$$F1", "$Infinity", "$-0", "$NaN", "$n12", [[[["ok"]]]]]')).toBe(true);
    // A form posted without JS carries its bound arguments as a promise of another part.
    expect(hasWellFormedArguments(form({ "$ACTION_REF_1": "", "$ACTION_1:0": '{"id":"7f00","bound":"$@1"}', "$ACTION_1:1": "[null]" }))).toBe(true);
  });
});
