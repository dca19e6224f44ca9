package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.PDPage
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript
import org.apache.poi.xssf.usermodel.XSSFWorkbook
import org.apache.poi.xwpf.usermodel.XWPFDocument
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import spock.lang.Shared

import javax.imageio.ImageIO
import java.awt.image.BufferedImage
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

/**
 * Issue 15, part 6: an attachment is what it claims to be, all the way through, and carries nothing that runs. Files
 * that only start like their type (a PDF carrying HTML and JavaScript, a PNG followed by HTML, an SVG with a script sent
 * as text, a fake .docx) are refused with a reason and nothing is stored; real files are stored as sent; CSV formulas are
 * neutralised; every download is an attachment that browsers must not sniff or run.
 */
@MicronautTest(transactional = false)
class AttachmentContentSpec extends IntegrationSpec {

    @Shared Map<String, String> who

    def setup() {
        who = who ?: people()
    }

    static byte[] png() {
        def image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)
        def out = new ByteArrayOutputStream()
        ImageIO.write(image, "png", out)
        out.toByteArray()
    }

    static byte[] docx(String text) {
        def document = new XWPFDocument()
        document.createParagraph().createRun().setText(text)
        def out = new ByteArrayOutputStream()
        document.write(out)
        document.close()
        out.toByteArray()
    }

    static byte[] xlsx() {
        def workbook = new XSSFWorkbook()
        workbook.createSheet("Budget").createRow(0).createCell(0).setCellValue("Staff")
        def out = new ByteArrayOutputStream()
        workbook.write(out)
        workbook.close()
        out.toByteArray()
    }

    static byte[] pdfWithJavaScript() {
        def document = new PDDocument()
        document.addPage(new PDPage())
        document.documentCatalog.openAction = new PDActionJavaScript("app.alert('hello')")
        def out = new ByteArrayOutputStream()
        document.save(out)
        document.close()
        out.toByteArray()
    }

    static byte[] zip(Map<String, String> entries) {
        def out = new ByteArrayOutputStream()
        new ZipOutputStream(out).withCloseable { zip ->
            entries.each { name, body ->
                zip.putNextEntry(new ZipEntry(name))
                zip.write(body.getBytes("UTF-8"))
                zip.closeEntry()
            }
        }
        out.toByteArray()
    }

    static byte[] join(byte[] a, byte[] b) {
        def out = new ByteArrayOutputStream()
        out.write(a)
        out.write(b)
        out.toByteArray()
    }

    long stored() {
        count("attachment")
    }

    def "files that only start like their type, or carry something that runs, are refused with a reason and nothing is stored"() {
        given:
        long before = stored()

        when:
        def reply = upload(who.bidder, name, type, content)

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field == ["content"]
        reply.body.errors[0].message.contains(says)
        stored() == before

        where:
        name                    | type                                                                      | content                                                                                          | says
        "policy.pdf"            | "application/pdf"                                                         | ("%PDF-1.7\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n<html><script>alert(1)</script></html>").bytes | "markup or script"
        "policy.pdf"            | "application/pdf"                                                         | pdfWithJavaScript()                                                                              | "JavaScript"
        "policy.pdf"            | "application/pdf"                                                         | "%PDF-1.4 not really a PDF".bytes                                                                | "not a readable PDF"
        "logo.png"              | "image/png"                                                               | join(png(), "<html><body>hello</body></html>".bytes)                                                  | "markup or script"
        "logo.png"              | "image/png"                                                               | join(png(), "trailing data".bytes)                                                                    | "after its end"
        "logo.png"              | "image/png"                                                               | join([0x89, 0x50, 0x4E, 0x47] as byte[], "broken".bytes)                                            | "not a readable PNG"
        "notes.txt"             | "text/plain"                                                              | '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.bytes                   | "markup or script"
        "plan.docx"             | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | zip(["readme.txt": "not a Word document"])                                                       | "not a readable Word"
        "plan.docx"             | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | zip(["[Content_Types].xml": "<Types/>", "word/vbaProject.bin": "macro"])                        | "macros"
        "budget.xlsx"           | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"       | docx("a Word file sent as a spreadsheet")                                                        | "not a readable Excel"
        "plan.odt"              | "application/vnd.oasis.opendocument.text"                                 | zip(["mimetype": "application/vnd.oasis.opendocument.text"])                                     | "not an OpenDocument text"
    }

    def "real files are stored exactly as sent, and download as attachments that are not sniffed or run"() {
        when:
        def reply = upload(who.bidder, name, type, content)
        def download = api("GET", "/api/attachments/$reply.body.id", who.bidder)

        then:
        reply.status == HttpStatus.CREATED
        Arrays.equals(download.bytes, content)
        download.headers.get("content-disposition").startsWith("attachment;")
        download.headers.get("x-content-type-options") == "nosniff"
        download.headers.get("content-security-policy") == "default-src 'none'; frame-ancestors 'none'"

        where:
        name          | type                                                                      | content
        "letter.pdf"  | "application/pdf"                                                         | Pdfs.letter("We commit to deliver 15% of lot 1.")
        "logo.png"    | "image/png"                                                               | png()
        "plan.docx"   | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | docx("Our delivery plan")
        "budget.xlsx" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"       | xlsx()
        "notes.txt"   | "text/plain"                                                              | "Outcomes reported quarterly; counts under 5 suppressed.".getBytes("UTF-8")
        "plan.odt"    | "application/vnd.oasis.opendocument.text"                                 | zip(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'])
    }

    def "a CSV's cells that a spreadsheet would run as formulas are stored with a leading apostrophe; numbers, negative ones too, are left alone"() {
        given:
        String sent = 'item,cost\nStaff,-1200\n=HYPERLINK("http://evil.example","click"),3\n"@SUM(A1:A2)",4\n+44 20 7946 0000,+5\n-cmd|calc,6\n'

        when:
        def reply = upload(who.bidder, "budget.csv", "text/csv", sent.getBytes("UTF-8"))
        String kept = new String(api("GET", "/api/attachments/$reply.body.id", who.bidder).bytes, "UTF-8")

        then:
        reply.status == HttpStatus.CREATED
        kept == 'item,cost\nStaff,-1200\n\'=HYPERLINK("http://evil.example","click"),3\n"\'@SUM(A1:A2)",4\n\'+44 20 7946 0000,+5\n\'-cmd|calc,6\n'
    }
}
