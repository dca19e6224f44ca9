package org.levelfield.tender.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Checks that an attachment is, all the way through, the kind of file it says it is, and carries nothing that runs:
 * each type is opened with a maintained parser (PDFBox for PDF, Apache POI for Word and Excel, the JDK's XML parser
 * for OpenDocument, ImageIO for images), and markup that a browser would run (HTML, SVG, script) is refused in every
 * type. A PDF with JavaScript or launch actions, an office file with macros, an image with anything after its end and
 * a text file holding HTML or SVG are refused with a reason. CSV cells that a spreadsheet would run as a formula are
 * neutralised (a leading apostrophe), and the bidder is told how many.
 */
public final class AttachmentInspection {

    /** What the file is once checked: its bytes as stored (changed only for CSV formulas) and what was changed. */
    public record Inspected(byte[] content, int neutralisedCells) {
    }

    /** Why a file is refused, in words for the person who sent it. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Markup a browser would run, in any case, anywhere in a file. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*(script|html|svg|iframe|object|embed|body|!doctype\\s+html)\\b|javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Set<COSName> ACTIVE = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("SubmitForm"), COSName.getPDFName("ImportData"), COSName.getPDFName("RichMedia"));
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 'B', 0x60, (byte) 0x82};

    private AttachmentInspection() {
    }

    public static Inspected inspect(String type, byte[] content) throws Refused {
        if (MARKUP.matcher(new String(content, StandardCharsets.ISO_8859_1)).find()) {
            throw new Refused("the file holds web page markup or script (HTML, SVG or JavaScript), which is not accepted in any attachment; "
                    + "send a PDF or an office document instead");
        }
        return switch (type) {
            case "application/pdf" -> pdf(content);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> office(content, false);
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> office(content, true);
            case "application/vnd.oasis.opendocument.text" -> openDocument(content);
            case "image/png" -> image(content, true);
            case "image/jpeg" -> image(content, false);
            case "text/plain" -> text(content);
            case "text/csv" -> csv(content);
            default -> throw new Refused("the type " + type + " is not accepted");
        };
    }

    private static Inspected pdf(byte[] content) throws Refused {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw new Refused("the PDF is encrypted or password-protected; save it without a password and attach it again");
            }
            if (document.getNumberOfPages() < 1) {
                throw new Refused("the PDF has no pages");
            }
            for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary dictionary && isActive(dictionary)) {
                    throw new Refused("the PDF contains JavaScript or actions that run or open something when it is read; "
                            + "print it to a new PDF (or export it without scripts) and attach that");
                }
            }
            if (isActive(document.getDocumentCatalog().getCOSObject())) {
                throw new Refused("the PDF runs an action when it is opened; print it to a new PDF and attach that");
            }
            return new Inspected(content, 0);
        } catch (IOException e) {
            throw new Refused("the file is not a readable PDF (" + e.getMessage() + ")");
        }
    }

    private static boolean isActive(COSDictionary dictionary) {
        for (COSName key : dictionary.keySet()) {
            if (ACTIVE.contains(key) || key.equals(COSName.AA)) {
                return true;
            }
        }
        COSBase subtype = dictionary.getDictionaryObject(COSName.S);
        if (subtype instanceof COSName name && ACTIVE.contains(name)) {
            return true;
        }
        if (dictionary instanceof COSStream) {
            return false;
        }
        COSBase open = dictionary.getDictionaryObject(COSName.OPEN_ACTION);
        return open instanceof COSDictionary action && action.getDictionaryObject(COSName.S) instanceof COSName s && ACTIVE.contains(s);
    }

    private static Inspected office(byte[] content, boolean spreadsheet) throws Refused {
        refuseMacros(content);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            if (spreadsheet) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                    if (workbook.getNumberOfSheets() < 1) {
                        throw new Refused("the spreadsheet has no sheets");
                    }
                }
            } else {
                try (XWPFDocument document = new XWPFDocument(pkg)) {
                    document.getBodyElements();
                }
            }
            return new Inspected(content, 0);
        } catch (Refused r) {
            throw r;
        } catch (Exception | LinkageError e) {
            throw new Refused("the file is not a readable " + (spreadsheet ? "Excel (.xlsx)" : "Word (.docx)") + " document; save it again from "
                    + (spreadsheet ? "Excel or LibreOffice Calc" : "Word or LibreOffice Writer") + " and attach it");
        }
    }

    private static void refuseMacros(byte[] content) throws Refused {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin") || name.startsWith("basic/") || name.contains("/basic/") || name.endsWith(".bin") && name.contains("activex")) {
                    throw new Refused("the document contains macros; save it without macros (.docx, .xlsx or .odt) and attach it again");
                }
            }
        } catch (IOException e) {
            throw new Refused("the file is not a readable document archive");
        }
    }

    private static Inspected openDocument(byte[] content) throws Refused {
        refuseMacros(content);
        boolean typed = false;
        boolean body = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readNBytes(20 * 1024 * 1024);
                if (entry.getName().equals("mimetype")) {
                    typed = new String(bytes, StandardCharsets.US_ASCII).strip().equals("application/vnd.oasis.opendocument.text");
                } else if (entry.getName().equals("content.xml")) {
                    parseXml(bytes);
                    body = true;
                }
            }
        } catch (IOException e) {
            throw new Refused("the file is not a readable OpenDocument text (.odt)");
        }
        if (!typed || !body) {
            throw new Refused("the file is not an OpenDocument text (.odt): it has no text document inside");
        }
        return new Inspected(content, 0);
    }

    private static void parseXml(byte[] xml) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new Refused("the document's text cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Inspected image(byte[] content, boolean png) throws Refused {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw new Refused("the file is not a readable " + (png ? "PNG" : "JPEG") + " image");
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("the file is not a readable " + (png ? "PNG" : "JPEG") + " image");
        }
        int end = png ? lastIndexOf(content, PNG_IEND) + PNG_IEND.length : lastIndexOf(content, new byte[]{(byte) 0xFF, (byte) 0xD9}) + 2;
        if (end <= 1 || end < content.length && !onlyPadding(content, end)) {
            throw new Refused("the image has other data after its end; save it again from an image editor and attach it");
        }
        return new Inspected(content, 0);
    }

    private static boolean onlyPadding(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] content, byte[] needle) {
        outer:
        for (int i = content.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String utf8(byte[] content) throws Refused {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new Refused("the file is not plain text (it holds binary data)");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new Refused("the file is not plain text in UTF-8; save it as UTF-8 text and attach it again");
        }
    }

    private static Inspected text(byte[] content) throws Refused {
        utf8(content);
        return new Inspected(content, 0);
    }

    /** Cells a spreadsheet would treat as a formula get a leading apostrophe; plain numbers such as -5 are left alone. */
    private static Inspected csv(byte[] content) throws Refused {
        String text = utf8(content);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int neutralised = 0;
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart) {
                int at = i;
                boolean opensQuote = c == '"';
                if (opensQuote && i + 1 < text.length()) {
                    at = i + 1;
                }
                if (at < text.length() && isFormula(text, at)) {
                    if (opensQuote) {
                        out.append('"').append('\'');
                        i++;
                        c = text.charAt(i);
                        quoted = true;
                        cellStart = false;
                        out.append(c);
                        neutralised++;
                        continue;
                    }
                    out.append('\'');
                    neutralised++;
                }
                cellStart = false;
            }
            out.append(c);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == '\n')) {
                cellStart = true;
            }
        }
        return neutralised == 0 ? new Inspected(content, 0) : new Inspected(out.toString().getBytes(StandardCharsets.UTF_8), neutralised);
    }

    private static boolean isFormula(String text, int at) {
        char c = text.charAt(at);
        if (c == '=' || c == '+' || c == '@' || c == '\t') {
            return !(c == '+' && isNumber(text, at + 1));
        }
        return c == '-' && !isNumber(text, at + 1);
    }

    private static boolean isNumber(String text, int from) {
        int i = from;
        boolean digits = false;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            digits |= Character.isDigit(text.charAt(i));
            i++;
        }
        return digits && (i == text.length() || text.charAt(i) == ',' || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '"');
    }
}
