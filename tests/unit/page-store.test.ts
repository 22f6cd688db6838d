import { describe, expect, it } from "vitest";
import { fill, PageStore, templateOf, type PageTemplate, type RenderedPage } from "@/app/_lib/page-cache/store";

const NONCE = "n0nce+/AAAAAAAAAAAAAAAA==";

function rendered(body: string, nonce: string | null = NONCE): RenderedPage {
  return {
    status: 200,
    headers: [
      ["content-type", "text/html; charset=utf-8"],
      ["content-security-policy", `script-src 'self' 'nonce-${nonce}'`],
      ["link", `</a.css>; rel=preload; nonce="${nonce}"`],
    ],
    body: Buffer.from(body),
    nonce,
  };
}

const template = (body: string, bytes = body.length): PageTemplate => ({ status: 200, headers: [], body: [Buffer.from(body)], bytes });

describe("a rendered page's template", () => {
  it("puts a fresh nonce wherever the rendering's was, in the body and the headers, and nowhere else", () => {
    const page = rendered(`<script nonce="${NONCE}">a</script><p>${NONCE.slice(0, 5)}</p><script nonce="${NONCE}">b</script>`);
    const filled = fill(templateOf(page), "fresh");
    expect(filled.body.toString()).toBe(`<script nonce="fresh">a</script><p>${NONCE.slice(0, 5)}</p><script nonce="fresh">b</script>`);
    expect(Object.fromEntries(filled.headers)).toEqual({
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "script-src 'self' 'nonce-fresh'",
      link: '</a.css>; rel=preload; nonce="fresh"',
    });
  });

  it("keeps the nonce at the very start and end of the body, and a body without one, byte for byte", () => {
    expect(fill(templateOf(rendered(`${NONCE}middle${NONCE}`)), "x").body.toString()).toBe("xmiddlex");
    const bytes = Buffer.from("<p>一个页面</p>");
    expect(fill(templateOf({ ...rendered(""), body: bytes }), "x").body.equals(bytes)).toBe(true);
    expect(fill(templateOf(rendered(`<p>${NONCE}</p>`, null)), "x").body.toString()).toBe(`<p>${NONCE}</p>`);
  });

  it("counts what it holds: the body and the headers", () => {
    const page = rendered("x".repeat(1000));
    const headerBytes = page.headers.reduce((n, [name, value]) => n + name.length + value.length, 0);
    expect(templateOf(page).bytes).toBe(1000 + headerBytes);
  });
});

describe("the page store", () => {
  it("renders a slot once per version and serves that rendering until the version moves", async () => {
    const store = new PageStore(1_000_000);
    let renders = 0;
    const render = async () => template(`render ${++renders}`);
    expect(store.get("a", "v1", render).hit).toBe(false);
    const again = store.get("a", "v1", render);
    expect(again.hit).toBe(true);
    expect((await again.page)!.body[0]!.toString()).toBe("render 1");
    const moved = store.get("a", "v2", render);
    expect(moved.hit).toBe(false);
    expect((await moved.page)!.body[0]!.toString()).toBe("render 2");
    // The older version is gone with it: a slot holds its latest rendering only.
    expect(store.get("a", "v1", render).hit).toBe(false);
    expect(renders).toBe(3);
  });

  it("shares one rendering among the requests that miss at the same time", async () => {
    const store = new PageStore(1_000_000);
    let renders = 0;
    let finish!: () => void;
    const render = () => new Promise<PageTemplate>((resolve) => (finish = () => resolve(template(`render ${++renders}`))));
    const asked = [store.get("a", "v1", render), store.get("a", "v1", render), store.get("a", "v1", render)];
    expect(asked.map((a) => a.hit)).toEqual([false, true, true]);
    finish();
    expect((await Promise.all(asked.map((a) => a.page))).map((p) => p!.body[0]!.toString())).toEqual(["render 1", "render 1", "render 1"]);
    expect(renders).toBe(1);
  });

  it("keeps neither a rendering that must not be kept nor one that failed", async () => {
    const store = new PageStore(1_000_000);
    await store.get("a", "v1", async () => null).page;
    expect(store.get("a", "v1", async () => template("later")).hit).toBe(false);
    await expect(store.get("b", "v1", async () => Promise.reject(new Error("down"))).page).rejects.toThrow("down");
    expect(store.get("b", "v1", async () => template("later")).hit).toBe(false);
  });

  it("drops the least recently used pages once it holds more than its budget", async () => {
    const store = new PageStore(250);
    for (const slot of ["a", "b"]) await store.get(slot, "v", async () => template(slot, 100)).page;
    // "a" is used again, so "b" is the one to go when "c" pushes the total past 250.
    expect(store.get("a", "v", async () => template("a2", 100)).hit).toBe(true);
    await store.get("c", "v", async () => template("c", 100)).page;
    expect(store.size).toEqual({ bytes: 200, pages: 2 });
    expect(store.get("a", "v", async () => template("a3", 100)).hit).toBe(true);
    expect(store.get("c", "v", async () => template("c2", 100)).hit).toBe(true);
    expect(store.get("b", "v", async () => template("b2", 100)).hit).toBe(false);
  });

  it("keeps nothing with a budget of 0, and no page larger than its budget", async () => {
    const none = new PageStore(0);
    await none.get("a", "v", async () => template("a", 10)).page;
    expect(none.size).toEqual({ bytes: 0, pages: 0 });
    const small = new PageStore(50);
    await small.get("a", "v", async () => template("a", 60)).page;
    expect(small.get("a", "v", async () => template("a", 60)).hit).toBe(false);
  });

  it("counts a slot's bytes once when its version moves", async () => {
    const store = new PageStore(1_000);
    await store.get("a", "v1", async () => template("a", 100)).page;
    await store.get("a", "v2", async () => template("a", 300)).page;
    expect(store.size).toEqual({ bytes: 300, pages: 1 });
  });
});
