package datasense.tools.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A report's page ({@link ReportHtml}) as PDF, drawn by openhtmltopdf on PDFBox: no browser, nothing fetched. The page
 * is read as XML first, so a page that is not well-formed fails here, loudly, rather than printing half. The one font
 * is Liberation Sans, embedded (subset) from the PDFBox jar itself, for every weight and style and as the fallback,
 * so text is the same on every machine and no system font is needed. Inline SVG (a profile's small charts) is left
 * out: drawing it would take Batik, and every figure of those charts is in the profile's tables too.
 */
public final class ReportPdf {

    /** Liberation Sans Regular, shipped inside PDFBox (its fallback font for standard fonts). */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static {
        // openhtmltopdf logs every font load and every CSS property it skips (flex, gap) through JUL: keep real trouble only
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.SEVERE);
        }
    }

    private ReportPdf() {
    }

    /** Blocking (tens to hundreds of milliseconds): the PDF of {@code xhtml}. */
    public static byte[] render(String xhtml) {
        Document page = parse(xhtml);
        NodeList svgs = page.getElementsByTagNameNS("*", "svg");
        for (int i = svgs.getLength() - 1; i >= 0; i--) {
            Node svg = svgs.item(i);
            svg.getParentNode().removeChild(svg);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        // one file for every face the page asks for: bold and italic are drawn in the regular face, never in a
        // base-14 font that holds only Latin-1
        builder.useFont(ReportPdf::font, ReportHtml.FONT, 400, FontStyle.NORMAL, true, EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
        builder.useFont(ReportPdf::font, ReportHtml.FONT, 700, FontStyle.NORMAL, true, EnumSet.of(FSFontUseCase.DOCUMENT));
        builder.useFont(ReportPdf::font, ReportHtml.FONT, 400, FontStyle.ITALIC, true, EnumSet.of(FSFontUseCase.DOCUMENT));
        builder.withProducer("DataSense").withW3cDocument(page, null).toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report's PDF could not be drawn: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        return PDDocument.class.getResourceAsStream(FONT);
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            parser.setErrorHandler(null); // the exception says it; the default handler would print it too
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the report's page is not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}
