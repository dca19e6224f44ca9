package org.levelfield.document

import org.levelfield.common.document.PdfRenderer
import org.levelfield.support.Pdfs
import spock.lang.Specification

class PdfRendererSpec extends Specification {

    def "a rendered document is PDF/A-1b, titled, in English, with embedded fonts, and its text reads in order"() {
        given:
        def markup = """# Award justification: Test round
An opening paragraph with **bold** words.

## 1. First heading
| Criterion | Score |
|---|---|
| Quality | 3 |
| Equality | 4 |
- first point
- second point
> a highlighted note
## 2. Second heading
Closing words.
"""

        when:
        byte[] pdf = new PdfRenderer().render(markup, "en-GB", "Levelfield test")
        def info = Pdfs.info(pdf)
        def text = Pdfs.text(pdf)

        then:
        Pdfs.pdfaFailures(pdf) == []
        info.title == "Award justification: Test round"
        info.language == "en-GB"
        info.fonts.every { it.embedded }
        text.indexOf("An opening paragraph") < text.indexOf("1. First heading")
        text.indexOf("Quality 3") < text.indexOf("Equality 4")
        text.indexOf("second point") < text.indexOf("a highlighted note")
        text.indexOf("a highlighted note") < text.indexOf("Closing words")
    }

    def "a table cell holds several lines, each on its own line, and the line-break mark is never printed"() {
        given: "one criterion's row with three evaluators' reasons in one cell"
        def markup = """# Cell lines
| Criterion | Evaluators' scores and reasons |
|---|---------|
| Quality | **Ann Evans: 3.** Section 2 sets out a plan.<br>**Bo Chen: 4.** Section 3 names staff.<br>**Cy Diaz: 2.** Page 4 states a policy only. |
"""

        when:
        def lines = Pdfs.lines(new PdfRenderer().render(markup, "en-GB", "Levelfield test"))

        then:
        !lines.any { it.contains("<br>") || it.contains("**") }
        lines.any { it.endsWith("Ann Evans: 3. Section 2 sets out a plan.") }
        lines.contains("Bo Chen: 4. Section 3 names staff.")
        lines.contains("Cy Diaz: 2. Page 4 states a policy only.")
    }

    def "the PDF/A check is not a formality: a plain PDF without an output intent fails it"() {
        given: "a PDF made without the archival settings"
        def out = new ByteArrayOutputStream()
        def document = new org.openpdf.text.Document()
        org.openpdf.text.pdf.PdfWriter.getInstance(document, out)
        document.open()
        document.add(new org.openpdf.text.Paragraph("Hello"))
        document.close()

        expect:
        !Pdfs.pdfaFailures(out.toByteArray()).isEmpty()
    }
}
