package org.levelfield.common.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays out the text a template produced as an A4 PDF with OpenPDF. The text uses a small,
 * readable markup, so the wording and its structure stay in {@code templates/}:
 * <pre>
 * # Title                 (once, first: also the PDF's title)
 * ## Heading / ### Sub-heading
 * | a | b |               (rows of a table; the first row is the header)
 * |---|------|            (optional, after the header: relative column widths by dash count)
 * - item                  (bullet list)
 * &gt; note                  (a highlighted note)
 * **bold** inside a line; a blank line ends a paragraph
 * </pre>
 * Fonts (Liberation Sans) are embedded, the document title and language are set, every piece of
 * text is tagged with its structure (headings, paragraphs, lists, tables with header cells) in the
 * order it is read, and the file conforms to PDF/A-2a and PDF/UA-1 (both checked with veraPDF in
 * the tests).
 */
public final class PdfRenderer {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final java.awt.Color INK = new java.awt.Color(0x1a, 0x1a, 0x1a);
    private static final java.awt.Color ACCENT = new java.awt.Color(0x1d, 0x4e, 0x89);
    private static final java.awt.Color SHADE = new java.awt.Color(0xe8, 0xee, 0xf5);
    private static final java.awt.Color RULE = new java.awt.Color(0xb0, 0xb8, 0xc4);

    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont italic;

    public PdfRenderer() {
        this.regular = font("liberation/LiberationSans-Regular.ttf");
        this.bold = font("liberation/LiberationSans-Bold.ttf");
        this.italic = font("liberation/LiberationSans-Italic.ttf");
    }

    public byte[] render(String markup, String language, String author) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 54, 54, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setPDFXConformance(PdfWriter.PDFA2A);
        writer.setTagged();
        List<String> lines = markup.lines().toList();
        String title = lines.stream().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip()).orElse("Levelfield document");
        document.addTitle(title);
        document.addAuthor(author);
        document.addCreator("Levelfield");
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, org.openpdf.text.pdf.PdfBoolean.PDFTRUE);
        writer.setPageEvent(new Footer(title));
        document.open();
        archival(writer);
        new Layout(document, writer).write(lines);
        document.close();
        return out.toByteArray();
    }

    /**
     * Writes the blocks down the page itself, so that each piece of text is marked as the content of its structure
     * element (OpenPDF tags nothing it lays out by itself): H1-H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD under one
     * Document element, in the order they are read. Backgrounds, rules, a table's repeated header and the footer
     * are artifacts. A block that does not fit on the page moves to the next; one longer than a page is split, each
     * page's part a Span of its element, so the element still reads whole.
     */
    private final class Layout {
        private static final PdfName ARTIFACT = new PdfName("Artifact");
        private static final PdfName TR = new PdfName("TR");
        private static final PdfName SCOPE = new PdfName("Scope");
        private static final PdfName COLUMN = new PdfName("Column");
        private static final float CELL_PADDING = 4f;
        private static final float CELL_SIZE = 8.5f;

        private final Document document;
        private final PdfWriter writer;
        private final PdfContentByte canvas;
        private final PdfStructureElement root;
        private final List<String> paragraph = new ArrayList<>();
        private final List<List<String>> table = new ArrayList<>();
        private final List<String> bullets = new ArrayList<>();
        private float[] widths;
        private List<Phrase> repeatedHeader = List.of();
        private float y;

        Layout(Document document, PdfWriter writer) {
            this.document = document;
            this.writer = writer;
            this.canvas = writer.getDirectContent();
            this.root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
            this.y = document.top();
        }

        void write(List<String> lines) {
            for (String raw : lines) {
                String line = raw.stripTrailing();
                if (!line.startsWith("|")) {
                    flushTable();
                }
                if (!line.startsWith("- ")) {
                    flushBullets();
                }
                if (line.isBlank()) {
                    flushParagraph();
                } else if (line.startsWith("# ")) {
                    flushParagraph();
                    heading(PdfName.H1, line.substring(2), 18, 0, 10);
                } else if (line.startsWith("## ")) {
                    flushParagraph();
                    heading(PdfName.H2, line.substring(3), 14, 14, 6);
                } else if (line.startsWith("### ")) {
                    flushParagraph();
                    heading(PdfName.H3, line.substring(4), 11.5f, 10, 4);
                } else if (line.startsWith("|")) {
                    flushParagraph();
                    row(line);
                } else if (line.startsWith("- ")) {
                    flushParagraph();
                    bullets.add(line.substring(2));
                } else if (line.startsWith("> ")) {
                    flushParagraph();
                    note(line.substring(2));
                } else {
                    paragraph.add(line.strip());
                }
            }
            flushParagraph();
            flushTable();
            flushBullets();
        }

        private void heading(PdfName level, String text, float size, float before, float after) {
            Phrase phrase = new Phrase(new Chunk(text.strip(), new Font(bold, size, Font.NORMAL, ACCENT)));
            float leading = size * 1.25f;
            float width = document.right() - document.left();
            space(before);
            // a heading keeps with at least three lines of what follows it
            if (height(phrase, width, leading) + 3 * 13.5f > room()) {
                newPage();
            }
            flow(phrase, document.left(), document.right(), leading, new PdfStructureElement(root, level));
            y -= after;
        }

        private void flushParagraph() {
            if (paragraph.isEmpty()) {
                return;
            }
            Phrase phrase = inline(String.join(" ", paragraph), 10);
            flow(phrase, document.left(), document.right(), 13.5f, new PdfStructureElement(root, PdfName.P));
            y -= 6;
            paragraph.clear();
        }

        /** A highlighted note: a shaded box with a rule down its left side, read as a paragraph. */
        private void note(String text) {
            float pad = 6f;
            float x0 = document.left();
            float x1 = document.right();
            Phrase phrase = inline(text, 9.5f);
            float leading = 9.5f * 1.3f;
            space(4);
            if (height(phrase, x1 - x0 - 2.5f - 2 * pad, leading) + 2 * pad > room() && room() < pageRoom()) {
                newPage();
            }
            y -= pad;
            flow(phrase, x0 + 2.5f + pad, x1 - pad, leading, new PdfStructureElement(root, PdfName.P), (top, bottom) -> {
                PdfContentByte under = decoration();
                under.setColorFill(SHADE);
                under.rectangle(x0, bottom - pad, x1 - x0, top - bottom + 2 * pad);
                under.fill();
                under.setColorFill(ACCENT);
                under.rectangle(x0, bottom - pad, 2.5f, top - bottom + 2 * pad);
                under.fill();
                endDecoration(under);
            });
            y -= pad + 8;
        }

        private void flushBullets() {
            if (bullets.isEmpty()) {
                return;
            }
            PdfStructureElement list = new PdfStructureElement(root, PdfName.L);
            float leading = 13f;
            for (String text : bullets) {
                Phrase body = inline(text, 10);
                if (room() < leading + 2) {
                    newPage();
                }
                PdfStructureElement item = new PdfStructureElement(list, PdfName.LI);
                PdfStructureElement label = new PdfStructureElement(item, PdfName.LBL);
                mark(label);
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(new Chunk("\u2022", new Font(regular, 10, Font.NORMAL, INK))),
                        document.left(), y - leading, 0);
                canvas.endMarkedContentSequence();
                flow(body, document.left() + 12, document.right(), leading, new PdfStructureElement(item, PdfName.LBODY));
                y -= 2;
            }
            y -= 4;
            bullets.clear();
        }

        private void row(String line) {
            String inner = line.strip();
            inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("\\|", -1)) {
                cells.add(cell.strip());
            }
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                widths = new float[cells.size()];
                for (int i = 0; i < cells.size(); i++) {
                    widths[i] = cells.get(i).replace(":", "").length();
                }
                return;
            }
            table.add(cells);
        }

        /**
         * A table: a header row of column headers (TH, scope Column), then a TR of TD cells per row. A row that does
         * not fit moves to the next page under a repeated header (an artifact); a row taller than a page runs on.
         */
        private void flushTable() {
            if (table.isEmpty()) {
                return;
            }
            int columns = table.stream().mapToInt(List::size).max().orElse(1);
            float[] w = columnWidths(columns);
            PdfStructureElement element = new PdfStructureElement(root, PdfName.TABLE);
            List<Phrase> header = cells(table.get(0), columns, true);
            repeatedHeader = header;
            float headerHeight = rowHeight(header, w);
            space(4);
            float first = table.size() > 1 ? rowHeight(cells(table.get(1), columns, false), w) : 0;
            if (headerHeight + Math.min(first, 4 * CELL_SIZE * 1.3f) > room()) {
                newPage();
            }
            drawRow(header, w, new PdfStructureElement(element, TR), true);
            for (int r = 1; r < table.size(); r++) {
                List<Phrase> cells = cells(table.get(r), columns, false);
                float height = rowHeight(cells, w);
                if (height > room() && room() < pageRoom()) {
                    newPage();
                    drawRow(header, w, null, true);
                }
                drawRow(cells, w, new PdfStructureElement(element, TR), false);
            }
            y -= 10;
            table.clear();
            widths = null;
        }

        private List<Phrase> cells(List<String> row, int columns, boolean header) {
            List<Phrase> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String text = c < row.size() ? row.get(c) : "";
                cells.add(header ? new Phrase(new Chunk(text, new Font(bold, CELL_SIZE, Font.NORMAL, INK))) : inline(text, CELL_SIZE));
            }
            return cells;
        }

        private float rowHeight(List<Phrase> cells, float[] w) {
            float tallest = 0;
            for (int c = 0; c < cells.size(); c++) {
                tallest = Math.max(tallest, height(cells.get(c), w[c] - 2 * CELL_PADDING, CELL_SIZE * 1.3f));
            }
            return tallest + 2 * CELL_PADDING + 2;
        }

        /**
         * Draws one row from the cursor. {@code tr} is null for a repeated header, which is drawn as an artifact. Each
         * page the row runs over gets its own borders; each cell's text on it is marked as that cell's content.
         */
        private void drawRow(List<Phrase> cells, float[] w, PdfStructureElement tr, boolean header) {
            float leading = CELL_SIZE * 1.3f;
            boolean whole = rowHeight(cells, w) <= room();
            List<PdfStructureElement> owners = new ArrayList<>();
            List<ColumnText> texts = new ArrayList<>();
            for (Phrase phrase : cells) {
                PdfStructureElement owner = null;
                if (tr != null) {
                    owner = new PdfStructureElement(tr, header ? PdfName.TH : PdfName.TD);
                    if (header) {
                        PdfDictionary attributes = new PdfDictionary();
                        attributes.put(PdfName.O, PdfName.TABLE);
                        attributes.put(SCOPE, COLUMN);
                        owner.put(PdfName.A, attributes);
                    }
                }
                owners.add(owner);
                ColumnText text = new ColumnText(canvas);
                text.setText(phrase);
                text.setLeading(leading, 0);
                texts.add(phrase.getContent().isBlank() ? null : text);
            }
            boolean more = true;
            while (more) {
                more = false;
                float top = y;
                float bottom = y;
                float x = document.left();
                for (int c = 0; c < cells.size(); c++) {
                    ColumnText text = texts.get(c);
                    if (text != null) {
                        text.setSimpleColumn(x + CELL_PADDING, document.bottom(), x + w[c] - CELL_PADDING, top - CELL_PADDING);
                        PdfStructureElement owner = owners.get(c);
                        if (owner == null) {
                            canvas.beginMarkedContentSequence(ARTIFACT);
                        } else {
                            mark(whole ? owner : new PdfStructureElement(owner, PdfName.SPAN));
                        }
                        int status = go(text);
                        canvas.endMarkedContentSequence();
                        bottom = Math.min(bottom, text.getYLine());
                        if (ColumnText.hasMoreText(status)) {
                            more = true;
                        } else {
                            texts.set(c, null);
                        }
                    }
                    x += w[c];
                }
                bottom = more ? document.bottom() : bottom - CELL_PADDING - 2;
                bottom = Math.min(bottom, top - 2 * CELL_PADDING - 2);
                borders(w, top, bottom, header);
                y = bottom;
                if (more) {
                    newPage();
                    if (!header) {
                        drawRow(repeatedHeader, w, null, true);
                    }
                }
            }
        }

        private void borders(float[] w, float top, float bottom, boolean header) {
            PdfContentByte under = decoration();
            float x = document.left();
            if (header) {
                under.setColorFill(SHADE);
                under.rectangle(x, bottom, document.right() - x, top - bottom);
                under.fill();
            }
            under.setColorStroke(RULE);
            under.setLineWidth(0.5f);
            for (float width : w) {
                under.rectangle(x, bottom, width, top - bottom);
                x += width;
            }
            under.stroke();
            endDecoration(under);
        }

        /**
         * Column widths: the shares the separator row's dashes ask for, widened wherever a column's longest word (in the
         * font it is set in) would not fit, so that no word is broken in the middle; the widened columns' extra comes
         * from the others, in proportion to their shares.
         */
        private float[] columnWidths(int columns) {
            float available = document.right() - document.left();
            float padding = 9f;
            float[] need = new float[columns];
            for (int r = 0; r < table.size(); r++) {
                List<String> cells = table.get(r);
                for (int c = 0; c < columns && c < cells.size(); c++) {
                    for (String word : cells.get(c).replace("**", "").replace("<br>", " ").split("\\s+")) {
                        need[c] = Math.max(need[c], (r == 0 ? bold : regular).getWidthPoint(word, 8.5f) + padding);
                    }
                }
            }
            float[] share = new float[columns];
            for (int c = 0; c < columns; c++) {
                share[c] = widths != null && widths.length == columns ? Math.max(widths[c], 1f) : 1f;
            }
            float[] result = new float[columns];
            boolean[] fixed = new boolean[columns];
            boolean changed = true;
            while (changed) {
                changed = false;
                float left = available;
                float shares = 0;
                for (int c = 0; c < columns; c++) {
                    if (fixed[c]) {
                        left -= need[c];
                    } else {
                        shares += share[c];
                    }
                }
                for (int c = 0; c < columns; c++) {
                    result[c] = fixed[c] ? need[c] : Math.max(left, 0) * share[c] / Math.max(shares, 1f);
                    if (!fixed[c] && result[c] < need[c]) {
                        fixed[c] = true;
                        changed = true;
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                result[c] = Math.max(result[c], 1f);
            }
            return result;
        }

        /** Writes text between x0 and x1 from the cursor down as the content of {@code element}, over as many pages as it takes. */
        private void flow(Phrase phrase, float x0, float x1, float leading, PdfStructureElement element) {
            flow(phrase, x0, x1, leading, element, null);
        }

        private void flow(Phrase phrase, float x0, float x1, float leading, PdfStructureElement element, Decoration decoration) {
            if (room() < leading + 2) {
                newPage();
            }
            boolean whole = height(phrase, x1 - x0, leading) <= room();
            ColumnText text = new ColumnText(canvas);
            text.setText(phrase);
            text.setLeading(leading, 0);
            while (true) {
                float top = y;
                text.setSimpleColumn(x0, document.bottom(), x1, top);
                mark(whole ? element : new PdfStructureElement(element, PdfName.SPAN));
                int status = go(text);
                canvas.endMarkedContentSequence();
                y = text.getYLine() - leading * 0.3f;
                if (decoration != null) {
                    decoration.paint(top, y);
                }
                if (!ColumnText.hasMoreText(status)) {
                    return;
                }
                newPage();
            }
        }

        /** How tall the text stands in a column this wide. */
        private float height(Phrase phrase, float width, float leading) {
            ColumnText probe = new ColumnText(null);
            probe.setText(phrase);
            probe.setLeading(leading, 0);
            probe.setSimpleColumn(0, -100_000, width, 0);
            go(probe, true);
            return -probe.getYLine() + leading * 0.3f;
        }

        private int go(ColumnText text) {
            return go(text, false);
        }

        private int go(ColumnText text, boolean simulate) {
            try {
                return text.go(simulate);
            } catch (org.openpdf.text.DocumentException e) {
                throw new IllegalStateException("Could not lay out the text", e);
            }
        }

        /** Opens the marked content of a structure element on this page. */
        private void mark(PdfStructureElement element) {
            element.put(PdfName.PG, writer.getCurrentPage());
            canvas.beginMarkedContentSequence(element);
        }

        /** Backgrounds and rules go under the text, as artifacts. */
        private PdfContentByte decoration() {
            PdfContentByte under = writer.getDirectContentUnder();
            under.beginMarkedContentSequence(ARTIFACT);
            under.saveState();
            return under;
        }

        private void endDecoration(PdfContentByte under) {
            under.restoreState();
            under.endMarkedContentSequence();
        }

        private void space(float points) {
            if (y < document.top()) {
                y -= points;
            }
        }

        private float room() {
            return y - document.bottom();
        }

        private float pageRoom() {
            return document.top() - document.bottom();
        }

        private void newPage() {
            document.newPage();
            y = document.top();
        }

        private Phrase inline(String text, float size) {
            Font plain = new Font(regular, size, Font.NORMAL, INK);
            Font strong = new Font(bold, size, Font.NORMAL, INK);
            Phrase phrase = new Phrase(size * 1.3f);
            phrase.setFont(plain);
            String[] lines = text.split("<br>", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    phrase.add(Chunk.NEWLINE);
                }
                inlineLine(phrase, lines[i], plain, strong);
            }
            return phrase;
        }

        /** One line of a block: plain text with **bold** runs; empty runs add nothing, as each costs layout time. */
        private void inlineLine(Phrase phrase, String text, Font plain, Font strong) {
            Matcher m = BOLD.matcher(text);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    phrase.add(new Chunk(text.substring(at, m.start()), plain));
                }
                phrase.add(new Chunk(m.group(1), strong));
                at = m.end();
            }
            if (at < text.length() || phrase.isEmpty()) {
                phrase.add(new Chunk(text.substring(at), plain));
            }
        }

    }

    @FunctionalInterface
    private interface Decoration {
        void paint(float top, float bottom);
    }

    private final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginMarkedContentSequence(new PdfName("Artifact"));
            canvas.beginText();
            canvas.setFontAndSize(italic, 7.5f);
            canvas.setColorFill(java.awt.Color.GRAY);
            canvas.showTextAligned(Element.ALIGN_LEFT, title, document.left(), 30, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + writer.getPageNumber(), document.right(), 30, 0);
            canvas.endText();
            canvas.endMarkedContentSequence();
        }
    }

    /**
     * PDF/A-2a and PDF/UA-1: XMP metadata mirroring the document information, with the PDF/UA identifier (declared in
     * an extension schema, as PDF/A asks of any schema it does not predefine), and an sRGB output intent so every
     * colour is device-independent. (The title, language, tags and embedded fonts are set elsewhere.)
     */
    private static void archival(PdfWriter writer) {
        try {
            ByteArrayOutputStream xmp = new ByteArrayOutputStream();
            try (org.openpdf.text.xml.xmp.XmpWriter metadata = new org.openpdf.text.xml.xmp.XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFA2A)) {
                metadata.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"", "<pdfuaid:part>1</pdfuaid:part>");
                metadata.addRdfDescription("xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                        + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                        + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"",
                        """
                        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                        <pdfaProperty:name>part</pdfaProperty:name>
                        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                        <pdfaProperty:category>internal</pdfaProperty:category>
                        <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                        </rdf:li></rdf:Seq></pdfaSchema:property>
                        </rdf:li></rdf:Bag></pdfaExtension:schemas>""");
            }
            writer.setXmpMetadata(xmp.toByteArray());
            ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", srgb.getData());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF/A metadata or output intent", e);
        }
    }

    private static BaseFont font(String resource) {
        try {
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            // PDF/A-2 wants a CIDSet to list every glyph of the embedded subset, or no CIDSet at all: leave it out
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + resource + " is not on the classpath (com.github.librepdf:openpdf-fonts-extra)", e);
        }
    }
}
