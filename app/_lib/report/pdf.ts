import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pdfmake from "pdfmake";
import type { ReportBlock, ReportDocument, ReportTable } from "@/lib/report/model";

/**
 * A report as a PDF with pdfmake (pdfkit underneath), its Chinese set in Noto Sans SC (OFL, from the
 * @expo-google-fonts/noto-sans-sc package). The font files are 10 MB each; pdfkit embeds only the
 * glyphs a report uses, so a report stays well under 1 MB. The fonts are read once per process into
 * pdfmake's virtual file system, and pdfmake may read nothing else, neither files nor URLs.
 */

const FAMILY = "NotoSansSC";
let fontsLoaded = false;

/**
 * The font package's folder, from the directory the server runs in (npm start, Vitest, the bench all
 * run from the project root). Not require.resolve: in the Next.js server bundle that returns a
 * module id, not a path.
 */
function fontDir(): string {
  const dir = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");
  if (!existsSync(join(dir, "400Regular"))) throw new Error(`Noto Sans SC not found at ${dir}: run npm install in the project's folder and start the server from there`);
  return dir;
}

function loadFonts() {
  if (fontsLoaded) return;
  const dir = fontDir();
  pdfmake.sharedVirtualfs.writeFileSync("NotoSansSC-Regular.ttf", readFileSync(join(dir, "400Regular", "NotoSansSC_400Regular.ttf")));
  pdfmake.sharedVirtualfs.writeFileSync("NotoSansSC-Bold.ttf", readFileSync(join(dir, "700Bold", "NotoSansSC_700Bold.ttf")));
  pdfmake.setFonts({ [FAMILY]: { normal: "NotoSansSC-Regular.ttf", bold: "NotoSansSC-Bold.ttf", italics: "NotoSansSC-Regular.ttf", bolditalics: "NotoSansSC-Bold.ttf" } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsLoaded = true;
}

function table(t: ReportTable) {
  const numeric = new Set(t.numeric ?? []);
  const total = t.widths.reduce((a, b) => a + b, 0);
  const head = t.header.map((text) => ({ text, style: "th" }));
  const body = t.rows.map((row, r) =>
    row.map((text, i) => ({ text, alignment: numeric.has(i) ? "right" : "left", bold: t.totalRow === true && r === t.rows.length - 1 })),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: t.widths.map((w) => `${((w / total) * 100).toFixed(2)}%`), body: [head, ...body] },
    layout: { hLineColor: () => "#94a3b8", vLineColor: () => "#94a3b8", hLineWidth: () => 0.5, vLineWidth: () => 0.5, fillColor: (row: number) => (row === 0 ? "#e2e8f0" : null) },
    style: "table",
  };
}

/** Blocks as content; a run of landscape blocks starts on a page of its own turned sideways, and the next portrait block turns back. */
function content(blocks: readonly ReportBlock[]) {
  const out: Record<string, unknown>[] = [];
  let landscape = false;
  for (const block of blocks) {
    const turn = (block.landscape === true) !== landscape;
    landscape = block.landscape === true;
    const pageBreak = turn ? { pageBreak: "before", pageOrientation: landscape ? "landscape" : "portrait" } : {};
    if (block.kind === "heading") out.push({ text: block.text, style: "h1", ...pageBreak });
    else if (block.kind === "paragraph") out.push({ text: block.text, style: block.note ? "note" : "p", ...pageBreak });
    else out.push({ ...table(block.table), ...pageBreak });
  }
  return out;
}

export async function renderPdf(doc: ReportDocument): Promise<Uint8Array> {
  loadFonts();
  const { before, between, after } = doc.pageLabel;
  const definition = {
    pageSize: "A4",
    pageMargins: [56, 56, 56, 56],
    info: { title: doc.title, creator: "Parkline", producer: "Parkline" },
    defaultStyle: { font: FAMILY, fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 22, bold: true, alignment: "center", margin: [0, 160, 0, 40] },
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      p: { margin: [0, 0, 0, 6] },
      note: { fontSize: 8.5, color: "#334155", margin: [0, 0, 0, 4] },
      th: { bold: true },
      table: { fontSize: 8.5, margin: [0, 2, 0, 10] },
      cover: { fontSize: 12, margin: [40, 0, 40, 0] },
    },
    footer: (page: number, pages: number) => ({ text: `${before}${page}${between}${pages}${after}`, alignment: "center", fontSize: 8.5, margin: [0, 20, 0, 0] }),
    content: [
      { text: doc.title, style: "title" },
      {
        style: "cover",
        table: { widths: ["30%", "70%"], body: doc.cover.map((c) => [{ text: c.label, bold: true }, c.value]) },
        layout: "lightHorizontalLines",
      },
      ...(doc.coverNote ? [{ text: doc.coverNote, italics: true, margin: [40, 24, 40, 0] }] : []),
      ...content(doc.blocks).map((block, i) => (i === 0 ? { ...block, pageBreak: "before" } : block)),
    ],
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}
