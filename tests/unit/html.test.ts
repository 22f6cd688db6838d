import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw, SafeHtml } from "@/lib/html";

describe("html tagged template", () => {
  it("escapes every character that can break out of text or a quoted attribute", () => {
    expect(escapeHtml(`<script>alert("x" + 'y' + \`z\`)</script>&amp;`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39; + &#96;z&#96;)&lt;/script&gt;&amp;amp;",
    );
  });

  it("escapes interpolated strings in content and attributes", () => {
    const name = `"><img src=x onerror=alert(1)>`;
    const out = html`<p title="${name}">${name}</p>`.toString();
    expect(out).not.toContain("<img");
    expect(out).toBe(`<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>`);
  });

  it("keeps nested templates and raw markup as they are, escaping strings inside arrays", () => {
    const items = ["a<b", "c&d"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe("<ul><li>a&lt;b</li><li>c&amp;d</li></ul>");
    expect(html`${["<x>", raw("<y>")]}`.toString()).toBe("&lt;x&gt;<y>");
  });

  it("renders numbers, leaves null, undefined and booleans out", () => {
    expect(html`${1}|${2n}|${null}|${undefined}|${false}|${true}|${0}`.toString()).toBe("1|2|||||0");
  });

  it("returns SafeHtml that is not escaped twice", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(inner).toBeInstanceOf(SafeHtml);
    expect(html`${inner}`.toString()).toBe("<b>&lt;i&gt;</b>");
  });

  it("leaves Chinese text and emoji untouched", () => {
    expect(html`<p>${"宁乡高新区 · 投产 ✅"}</p>`.toString()).toBe("<p>宁乡高新区 · 投产 ✅</p>");
  });
});
