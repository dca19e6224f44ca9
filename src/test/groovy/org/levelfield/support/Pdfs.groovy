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

    /** The PDF/A-1b rules the file breaks, as "clause: description" lines; empty when it conforms. */
    static List<String> pdfaFailures(byte[] pdf) {
        def flavour = PDFAFlavour.fromString("1b")
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
}
