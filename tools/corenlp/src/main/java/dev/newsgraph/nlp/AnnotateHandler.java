package dev.newsgraph.nlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationOutputter;
import edu.stanford.nlp.pipeline.JSONOutputter;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The service's two paths, {@code POST /annotate?date=YYYY-MM-DD} and {@code GET /health}; errors as {@code {"error": "..."}}. */
final class AnnotateHandler implements HttpHandler {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** How much of an oversized body is read and discarded, so the client gets its 413 rather than a reset. */
    private static final int DRAIN_FACTOR = 16;

    private final StanfordCoreNLP pipeline;
    private final int maxBodyBytes;

    AnnotateHandler(StanfordCoreNLP pipeline, int maxBodyBytes) {
        this.pipeline = pipeline;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        byte[] body;
        try {
            body = answer(exchange);
        } catch (HttpProblem problem) {
            status = problem.status;
            body = errorJson(problem.getMessage());
        } catch (RuntimeException | IOException e) {
            System.err.println("corenlp: annotation failed: " + e);
            status = 500;
            body = errorJson("annotation failed: " + e);
        }
        try (exchange) {
            respond(exchange, status, body);
        }
    }

    private byte[] answer(HttpExchange exchange) throws IOException, HttpProblem {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/health")) {
            if (!method.equals("GET")) throw new HttpProblem(405, "use GET");
            return ("{\"status\":\"ok\",\"annotators\":\"" + NlpServer.ANNOTATORS + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (!path.equals("/annotate")) throw new HttpProblem(404, "no such path; POST /annotate or GET /health");
        if (!method.equals("POST")) throw new HttpProblem(405, "use POST with the text as the body");
        String date = documentDate(exchange.getRequestURI().getRawQuery());
        String text = utf8(readBody(exchange.getRequestBody()));
        long start = System.nanoTime();
        byte[] json = annotate(text, date);
        System.err.println("corenlp: annotated " + text.length() + " chars in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return json;
    }

    /** Also the warm-up, which runs before the server starts. */
    byte[] annotate(String text, String date) throws IOException {
        Annotation document = new Annotation(text);
        if (date != null) document.set(CoreAnnotations.DocDateAnnotation.class, date);
        pipeline.annotate(document);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JSONOutputter().print(document, out, new AnnotationOutputter.Options(false));
        return out.toByteArray();
    }

    /** The `date` parameter (the only one), checked as a real calendar date; null when absent. */
    private static String documentDate(String rawQuery) throws HttpProblem {
        String date = null;
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!name.equals("date")) throw new HttpProblem(400, "unknown parameter '" + name + "'; only date=YYYY-MM-DD");
            date = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        try {
            if (!ISO_DATE.matcher(date).matches()) throw new DateTimeParseException("shape", date, 0);
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "date must be a calendar date YYYY-MM-DD, got '" + date + "'");
        }
        return date;
    }

    private byte[] readBody(InputStream body) throws IOException, HttpProblem {
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length <= maxBodyBytes) return bytes;
        byte[] sink = new byte[65_536];
        long drained = bytes.length;
        for (int n = 0; n != -1 && drained < (long) maxBodyBytes * DRAIN_FACTOR; n = body.read(sink)) drained += n;
        throw new HttpProblem(413, "the text is larger than " + maxBodyBytes + " bytes");
    }

    private static String utf8(byte[] bytes) throws HttpProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpProblem(400, "the body is not valid UTF-8");
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    private static byte[] errorJson(String message) {
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An answer other than 200, with the message the client sees. */
    private static final class HttpProblem extends Exception {
        final int status;

        HttpProblem(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
