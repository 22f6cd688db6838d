import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { ReportBlock, ReportDocument, ReportTable } from "@/lib/report/model";

/**
 * A report as a Word document (.docx) that WPS and Word edit as a document: real headings (Title,
 * Heading 1) and tables with a repeated header row, A4, the projects table on a landscape page, and
 * "Page n of m" in every footer as fields, so the numbers stay right after editing.
 */

// A4 in twentieths of a point; margins 2 cm.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "SimSun", cs: "Arial" };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "94A3B8" };

function lines(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: options.bold, size: options.size }));
}

function cell(text: string, { header, numeric, bold, width }: { header: boolean; numeric: boolean; bold: boolean; width: number }) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: "E2E8F0", color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: numeric && !header ? AlignmentType.RIGHT : AlignmentType.LEFT, children: lines(text, { bold: header || bold, size: 18 }) })],
  });
}

function table(t: ReportTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * 100));
  const numeric = new Set(t.numeric ?? []);
  const row = (cells: string[], header: boolean, bold = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((text, i) => cell(text, { header, numeric: numeric.has(i), bold, width: widths[i] ?? 10 })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [row(t.header, true), ...t.rows.map((r, i) => row(r, false, t.totalRow === true && i === t.rows.length - 1))],
  });
}

function blockChildren(block: ReportBlock): (Paragraph | Table)[] {
  if (block.kind === "heading") return [new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun(block.text)] })];
  if (block.kind === "paragraph") {
    return [new Paragraph({ spacing: { after: 120 }, children: lines(block.text, block.note ? { size: 18 } : {}) })];
  }
  return [table(block.table), new Paragraph({ children: [] })];
}

function footer(doc: ReportDocument): Footer {
  const { before, between, after } = doc.pageLabel;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after], size: 18 })],
      }),
    ],
  });
}

function page(landscape: boolean) {
  return { page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } };
}

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const cover = [
    new Paragraph({ spacing: { before: 2400, after: 600 }, alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    table({ header: [doc.cover[0]!.label, doc.cover[0]!.value], rows: doc.cover.slice(1).map((c) => [c.label, c.value]), widths: [1, 3] }),
    ...(doc.coverNote ? [new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: doc.coverNote, italics: true })] })] : []),
  ];
  // One section per run of blocks with the same orientation: a heading goes with the table after it.
  const sections: ISectionOptions[] = [{ properties: page(false), footers: { default: footer(doc) }, children: cover }];
  let current: { landscape: boolean; children: (Paragraph | Table)[] } | null = null;
  for (const block of doc.blocks) {
    const landscape = block.landscape === true;
    if (!current || current.landscape !== landscape) {
      current = { landscape, children: [] };
      sections.push({ properties: page(landscape), footers: { default: footer(doc) }, children: current.children });
    }
    current.children.push(...blockChildren(block));
  }
  const document = new Document({
    title: doc.title,
    creator: "Parkline",
    styles: {
      default: { document: { run: { font: FONT, size: 21 } }, heading1: { run: { font: FONT, size: 28, bold: true, color: "0F172A" } }, title: { run: { font: FONT, size: 40, bold: true } } },
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
