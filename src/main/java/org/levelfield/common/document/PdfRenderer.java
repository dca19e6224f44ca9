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
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
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
 * Fonts (Liberation Sans) are embedded, the document title and language are set, content is
 * written in reading order, and the file conforms to PDF/A-1b (checked with veraPDF in the tests).
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
        writer.setPDFXConformance(PdfWriter.PDFA1B);
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
        new Layout(document).write(lines);
        document.close();
        return out.toByteArray();
    }

    private final class Layout {
        private final Document document;
        private final List<String> paragraph = new ArrayList<>();
        private final List<List<String>> table = new ArrayList<>();
        private float[] widths;
        private org.openpdf.text.List bullets;

        Layout(Document document) {
            this.document = document;
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
                    heading(line.substring(2), 18, 0, 10);
                } else if (line.startsWith("## ")) {
                    flushParagraph();
                    heading(line.substring(3), 14, 14, 6);
                } else if (line.startsWith("### ")) {
                    flushParagraph();
                    heading(line.substring(4), 11.5f, 10, 4);
                } else if (line.startsWith("|")) {
                    flushParagraph();
                    row(line);
                } else if (line.startsWith("- ")) {
                    flushParagraph();
                    bullet(line.substring(2));
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

        private void heading(String text, float size, float before, float after) {
            Paragraph p = new Paragraph(text.strip(), new Font(bold, size, Font.NORMAL, ACCENT));
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            p.setKeepTogether(true);
            add(p);
        }

        private void flushParagraph() {
            if (paragraph.isEmpty()) {
                return;
            }
            Paragraph p = new Paragraph(inline(String.join(" ", paragraph), 10));
            p.setFont(new Font(regular, 10, Font.NORMAL, INK));
            p.setSpacingAfter(6);
            p.setLeading(13.5f);
            add(p);
            paragraph.clear();
        }

        private void note(String text) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            PdfPCell cell = new PdfPCell(inline(text, 9.5f));
            cell.setBackgroundColor(SHADE);
            cell.setBorder(Rectangle.LEFT);
            cell.setBorderColorLeft(ACCENT);
            cell.setBorderWidthLeft(2.5f);
            cell.setPadding(6);
            box.addCell(cell);
            box.setSpacingBefore(4);
            box.setSpacingAfter(8);
            add(box);
        }

        private void bullet(String text) {
            if (bullets == null) {
                bullets = new org.openpdf.text.List(false, 12);
                bullets.setListSymbol(new Chunk("\u2022  ", new Font(regular, 10)));
            }
            ListItem item = new ListItem(inline(text, 10));
            item.setSpacingAfter(2);
            bullets.add(item);
        }

        private void flushBullets() {
            if (bullets != null) {
                add(bullets);
                Paragraph space = new Paragraph(" ", new Font(regular, 4));
                add(space);
                bullets = null;
            }
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

        private void flushTable() {
            if (table.isEmpty()) {
                return;
            }
            int columns = table.stream().mapToInt(List::size).max().orElse(1);
            PdfPTable pdf = new PdfPTable(columns);
            pdf.setWidthPercentage(100);
            pdf.setWidths(columnWidths(columns));
            pdf.setHeaderRows(1);
            pdf.setSpacingBefore(4);
            pdf.setSpacingAfter(10);
            for (int r = 0; r < table.size(); r++) {
                List<String> cells = table.get(r);
                for (int c = 0; c < columns; c++) {
                    String text = c < cells.size() ? cells.get(c) : "";
                    PdfPCell cell = new PdfPCell(r == 0 ? new Phrase(text, new Font(bold, 8.5f, Font.NORMAL, INK)) : inline(text, 8.5f));
                    cell.setPadding(4);
                    cell.setBorderColor(RULE);
                    cell.setVerticalAlignment(Element.ALIGN_TOP);
                    if (r == 0) {
                        cell.setBackgroundColor(SHADE);
                    }
                    pdf.addCell(cell);
                }
            }
            add(pdf);
            table.clear();
            widths = null;
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

        /**
         * OpenPDF writes plain paragraphs to its text layer but tables (and kept-together paragraphs)
         * to the direct content, which follows the text layer in the page's content stream: mixed,
         * they would extract out of order. Every block therefore goes through a borderless one-cell
         * table, so the content stream holds the blocks in the order they are read.
         */
        private void add(Element element) {
            if (element instanceof PdfPTable) {
                document.add(element);
                return;
            }
            PdfPTable block = new PdfPTable(1);
            block.setWidthPercentage(100);
            block.setSplitLate(false);
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.addElement(element);
            block.addCell(cell);
            document.add(block);
        }
    }

    private final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(italic, 7.5f);
            canvas.setColorFill(java.awt.Color.GRAY);
            canvas.showTextAligned(Element.ALIGN_LEFT, title, document.left(), 30, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + writer.getPageNumber(), document.right(), 30, 0);
            canvas.endText();
        }
    }

    /**
     * PDF/A-1b: XMP metadata mirroring the document information, and an sRGB output intent so
     * every colour is device-independent. (The title, language and embedded fonts are set elsewhere.)
     */
    private static void archival(PdfWriter writer) {
        try {
            writer.createXmpMetadata();
            ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", srgb.getData());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF/A output intent", e);
        }
    }

    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + resource + " is not on the classpath (com.github.librepdf:openpdf-fonts-extra)", e);
        }
    }
}
