package org.levelfield.support

import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider
import org.verapdf.pdfa.Foundries
import org.verapdf.pdfa.flavours.PDFAFlavour
import org.verapdf.pdfa.results.TestAssertion

/** Reading issued PDFs in the tests: their text in reading order, their metadata, and veraPDF's PDF/A verdict. */
class Pdfs {

    static {
        VeraGreenfieldFoundryProvider.initialise()
    }

    /** A real one-page PDF saying this, as a bidder's letter would be (attachments are parsed whole). Same text, same bytes. */
    static byte[] letter(String text) {
        def document = new org.apache.pdfbox.pdmodel.PDDocument()
        try {
            def page = new org.apache.pdfbox.pdmodel.PDPage()
            document.addPage(page)
            new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page).withCloseable { stream ->
                stream.beginText()
                stream.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12)
                stream.newLineAtOffset(72, 700)
                stream.showText(text)
                stream.endText()
            }
            def out = new ByteArrayOutputStream()
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION)
            return out.toByteArray()
        } finally {
            document.close()
        }
    }

    /** The text as pdftotext would give it, whitespace collapsed. */
    static String text(byte[] pdf) {
        return lines(pdf).join(" ").replaceAll(/\s+/, " ")
    }

    /** The printed lines, in reading order, each trimmed. */
    static List<String> lines(byte[] pdf) {
        def document = Loader.loadPDF(pdf)
        try {
            return new PDFTextStripper().getText(document).readLines()*.trim()
        } finally {
            document.close()
        }
    }

    static Map info(byte[] pdf) {
        def document = Loader.loadPDF(pdf)
        try {
            return [title   : document.documentInformation.title,
                    language: document.documentCatalog.language,
                    pages   : document.numberOfPages,
                    fonts   : document.pages.collectMany { page -> page.resources.fontNames.collect { page.resources.getFont(it) } }
                            .collect { [name: it.name, embedded: it.embedded] }.unique()]
        } finally {
            document.close()
        }
    }

    /** The PDF/A-2a rules the file breaks (tagged, archival), as "clause: description" lines; empty when it conforms. */
    static List<String> pdfaFailures(byte[] pdf) {
        return failures(pdf, "2a")
    }

    /** The PDF/UA-1 rules (ISO 14289-1, as far as veraPDF can check them by machine) the file breaks; empty when it conforms. */
    static List<String> pdfuaFailures(byte[] pdf) {
        return failures(pdf, "ua1")
    }

    /** The rules of one veraPDF flavour ("1b", "2a", "ua1") the file breaks. */
    static List<String> failures(byte[] pdf, String flavourName) {
        def flavour = PDFAFlavour.fromString(flavourName)
        def parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)
        try {
            def validator = Foundries.defaultInstance().createValidator(flavour, false)
            def result = validator.validate(parser)
            return result.testAssertions.findAll { it.status == TestAssertion.Status.FAILED }
                    .collect { "${it.ruleId.clause}-${it.ruleId.testNumber}: ${it.message}".toString() }.unique()
        } finally {
            parser.close()
        }
    }

    /** Whether the catalogue says the file is tagged (MarkInfo /Marked true), as `pdfinfo` reports it. */
    static boolean tagged(byte[] pdf) {
        def document = Loader.loadPDF(pdf)
        try {
            return document.documentCatalog.markInfo?.isMarked() ?: false
        } finally {
            document.close()
        }
    }

    /**
     * The structure tree as a screen reader walks it: one line per element, indented two spaces per level, its type
     * and, for an element holding content, the text of that content ("TH Criterion"). Repeated table headers and page
     * footers are artifacts and so appear nowhere here.
     */
    static List<String> structure(byte[] pdf) {
        def document = Loader.loadPDF(pdf)
        try {
            Map<String, String> content = [:]
            document.pages.eachWithIndex { page, index ->
                def extractor = new org.apache.pdfbox.text.PDFMarkedContentExtractor()
                extractor.processPage(page)
                extractor.markedContents.each { marked ->
                    if (marked.MCID >= 0) {
                        // a new line starts a new word, as a reader takes it (the space a line was wrapped at is not drawn)
                        def text = new StringBuilder()
                        Float line = null
                        marked.contents.findAll { it instanceof org.apache.pdfbox.text.TextPosition }.each { glyph ->
                            if (line != null && Math.abs(glyph.y - line) > 1) {
                                text.append(" ")
                            }
                            line = glyph.y
                            text.append(glyph.unicode)
                        }
                        content["${index}:${marked.MCID}".toString()] = text.toString()
                    }
                }
            }
            List<String> lines = []
            def root = document.documentCatalog.structureTreeRoot
            if (root != null) {
                root.kids.each { walk(document, it, 0, content, lines) }
            }
            return lines
        } finally {
            document.close()
        }
    }

    private static void walk(document, kid, int depth, Map<String, String> content, List<String> lines) {
        if (!(kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement)) {
            return
        }
        def element = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement) kid
        def texts = []
        def children = []
        element.kids.each { child ->
            if (child instanceof Integer) {
                texts << content["${document.pages.indexOf(element.page)}:${child}".toString()]
            } else if (child instanceof org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent) {
                texts << content["${document.pages.indexOf(element.page)}:${child.MCID}".toString()]
            } else {
                children << child
            }
        }
        def attributes = element.COSObject.getDictionaryObject(org.apache.pdfbox.cos.COSName.A)
        def scope = attributes instanceof org.apache.pdfbox.cos.COSDictionary ? attributes.getNameAsString("Scope") : null
        lines << ("  " * depth + element.structureType + (scope ? "[${scope}]" : "") + (texts ? " " + texts.join(" ").replaceAll(/\s+/, " ").trim() : "")).toString()
        children.each { walk(document, it, depth + 1, content, lines) }
    }
}
