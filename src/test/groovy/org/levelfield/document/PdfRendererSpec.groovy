package org.levelfield.document

import org.levelfield.common.document.PdfRenderer
import org.levelfield.support.Pdfs
import spock.lang.Specification

class PdfRendererSpec extends Specification {

    def "a rendered document is tagged for screen readers: headings, paragraphs, lists and tables with header cells, in reading order, and passes PDF/A-2a and PDF/UA-1"() {
        given: "a document with every kind of block, and a table long enough to run over three pages"
        def rows = (1..120).collect { "| Tender ${it} | ${it % 5} | Reason ${it}: the plan names staff and dates for each part of the service. |" }.join("\n")
        def markup = """# Award justification: Tagged round
An opening paragraph with **bold** words.

## 1. Scores
| Tender | Score | Reason |
|---|-|------|
${rows}

### Points
- first point
- second point
> a highlighted note
## 2. Decision
Closing words.
"""

        when:
        byte[] pdf = new PdfRenderer().render(markup, "en-GB", "Levelfield test")
        def tree = Pdfs.structure(pdf)
        def flat = tree*.trim()

        def pdfa = Pdfs.pdfaFailures(pdf)
        def pdfua = Pdfs.pdfuaFailures(pdf)

        then: "the catalogue says tagged, and veraPDF finds nothing against PDF/A-2a or PDF/UA-1"
        Pdfs.tagged(pdf)
        Pdfs.info(pdf).pages >= 3
        pdfa == []
        pdfua == []

        and: "headings carry their levels and paragraphs are paragraphs, in the order they are read"
        tree[0] == "Document"
        flat.indexOf("H1 Award justification: Tagged round") < flat.indexOf("P An opening paragraph with bold words.")
        flat.indexOf("P An opening paragraph with bold words.") < flat.indexOf("H2 1. Scores")
        flat.indexOf("H3 Points") < flat.indexOf("H2 2. Decision")
        flat.indexOf("H2 2. Decision") < flat.indexOf("P Closing words.")

        and: "the table has one header row of column headers, then one row per tender, however many pages it runs over"
        flat.count("Table") == 1
        flat.count("TR") == 121
        flat.findAll { it.startsWith("TH") } == ["TH[Column] Tender", "TH[Column] Score", "TH[Column] Reason"]
        flat.findAll { it.startsWith("TD") }.size() == 360
        flat.contains("TD Tender 120")
        flat.contains("TD Reason 77: the plan names staff and dates for each part of the service.")

        and: "the list is a list of items, each with its label and body, and the note is a paragraph"
        def list = flat.indexOf("L")
        flat[list + 1] == "LI"
        flat[list + 2] == "Lbl \u2022"
        flat[list + 3] == "LBody first point"
        flat.contains("LBody second point")
        flat.contains("P a highlighted note")

        and: "the page footers are artifacts: no element reads them"
        !flat.any { it.contains("Page 2") }
    }

    def "a paragraph and a table cell longer than a page are split across pages and still read whole"() {
        given:
        def long1 = (1..400).collect { "word${it}" }.join(" ")
        def long2 = (1..700).collect { "cell${it}" }.join(" ")
        def markup = """# Long text
${long1}

| Question | Answer |
|---|---|
| Q1 | ${long2} |
"""

        when:
        byte[] pdf = new PdfRenderer().render(markup, "en-GB", "Levelfield test")
        def flat = Pdfs.structure(pdf)*.trim()
        def pdfa = Pdfs.pdfaFailures(pdf)
        def pdfua = Pdfs.pdfuaFailures(pdf)

        then:
        pdfua == []
        pdfa == []
        flat.findAll { !it.startsWith("TD") && !it.startsWith("TH") && it.contains("word") }.join(" ").replaceAll(/^P |\sP /, " ").split(/\s+/).findAll { it.startsWith("word") } == (1..400).collect { "word${it}" }
        flat.findAll { it.contains("cell") }.join(" ").split(/\s+/).findAll { it.startsWith("cell") } == (1..700).collect { "cell${it}" }
        Pdfs.text(pdf).contains("cell700")
    }

    def "a rendered document is PDF/A, titled, in English, with embedded fonts, and its text reads in order"() {
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
        def failures = Pdfs.pdfaFailures(pdf)

        then:
        failures == []
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
        !Pdfs.pdfuaFailures(out.toByteArray()).isEmpty()
        !Pdfs.tagged(out.toByteArray())
    }
}
