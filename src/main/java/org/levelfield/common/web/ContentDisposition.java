package org.levelfield.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Content-Disposition of a download (RFC 6266): always an attachment, with the name as sent in
 * {@code filename*} (UTF-8, percent-encoded) and an ASCII stand-in in {@code filename} for old clients.
 * Names with control characters are refused at upload, so none reaches a header.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName;
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Whether a file name holds a line break or another control character, which no header may carry. */
    public static boolean hasControlCharacters(String fileName) {
        return fileName != null && fileName.codePoints().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0));
    }
}
