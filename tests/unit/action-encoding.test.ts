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
});
