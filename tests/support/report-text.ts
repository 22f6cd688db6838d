import { strFromU8, unzipSync } from "fflate";

/**
 * The text of a report read back from its bytes, as a reader's tools see it: the .docx's
 * word/document.xml (paragraph by paragraph, with its page-number fields and page size), and the
 * PDF's text layer through pdf.js, page by page.
 */

const decodeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export function docxParts(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(""));
  const footers = Object.keys(files)
    .filter((name) => /^word\/footer\d+\.xml$/.test(name))
    .map((name) => strFromU8(files[name]!));
  return { xml, paragraphs, text: paragraphs.join("\n"), footers };
}

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages;
}

/** Text with every kind of white space taken out: a figure the PDF wrapped onto two lines still matches. */
export const squeeze = (text: string) => text.replace(/\s+/g, "");
