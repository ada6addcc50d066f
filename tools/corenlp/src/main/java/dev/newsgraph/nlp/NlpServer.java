package dev.newsgraph.nlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationOutputter;
import edu.stanford.nlp.pipeline.JSONOutputter;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A Stanford CoreNLP pipeline behind a small HTTP endpoint on the loopback interface only (CoreNLP's own
 * server binds every interface). {@code POST /annotate?date=YYYY-MM-DD} with a UTF-8 text body answers
 * CoreNLP's JSON; {@code GET /health} answers once the pipeline is loaded. Errors are {@code {"error": "..."}}.
 *
 * <p>stdout carries exactly one line, {@code CORENLP_READY <port>}, after a warm-up annotation (the first
 * request otherwise reloads the coreference model); everything else goes to stderr.
 * Exit codes: 2 bad arguments, 1 startup failure (e.g. port taken), 0 after stdin EOF, 143 on SIGTERM.
 */
public final class NlpServer {
    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp,quote";
    private static final String USAGE = "usage: NlpServer [--port N (0: any free one)] [--threads N (2)]"
            + " [--max-body-bytes N (2097152)] [--no-stdin-watch]";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Exercises every annotator, coref and quote attribution included, so their lazy loading happens before READY. */
    private static final String WARM_UP_TEXT = "OSLO, Norway\n\nDefense Minister Anna Berg met General Tomas Lind of the"
            + " Swedish Armed Forces in Oslo in August. \"We will train together next year,\" she said, according to"
            + " the ministry's spokesperson. Lind said he agreed.";
    /** How much of an oversized body is read and discarded, so the client gets its 413 rather than a reset. */
    private static final int DRAIN_FACTOR = 16;

    private final StanfordCoreNLP pipeline;
    private final int maxBodyBytes;

    private NlpServer(StanfordCoreNLP pipeline, int maxBodyBytes) {
        this.pipeline = pipeline;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // keep stdout clean for the READY line, whatever CoreNLP prints

        int port = 0;
        int threads = 2;
        int maxBodyBytes = 2 * 1024 * 1024;
        boolean stdinWatch = true;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = number(value(args, ++i, a), a, 0, 65535);
                    case "--threads" -> threads = number(value(args, ++i, a), a, 1, 64);
                    case "--max-body-bytes" -> maxBodyBytes = number(value(args, ++i, a), a, 1, 256 * 1024 * 1024);
                    case "--no-stdin-watch" -> stdinWatch = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("corenlp: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }

        if (stdinWatch) { // parent died or closed our stdin: exit, even halfway through loading the models
            Thread watcher = new Thread(() -> {
                byte[] buf = new byte[256];
                try {
                    while (System.in.read(buf) != -1) { /* discard */ }
                } catch (IOException ignored) { }
                System.err.println("corenlp: stdin closed, shutting down");
                System.exit(0);
            }, "stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        HttpServer http;
        try { // bound now, started after the warm-up: a taken port fails in a second, not after the models load
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            System.err.println("corenlp: cannot listen on the loopback address, port " + port + " (" + e.getMessage() + ")");
            System.exit(1);
            return;
        }
        NlpServer server;
        try {
            Properties props = new Properties();
            props.setProperty("annotators", ANNOTATORS);
            props.setProperty("ssplit.newlineIsSentenceBreak", "two"); // a headline is not the next sentence's subject
            server = new NlpServer(new StanfordCoreNLP(props), maxBodyBytes);
            long warmUpStart = System.nanoTime();
            server.annotate(WARM_UP_TEXT, "2021-08-03");
            System.err.println("corenlp: warm-up annotation took " + (System.nanoTime() - warmUpStart) / 1_000_000 + " ms");
        } catch (Throwable e) {
            System.err.println("corenlp: failed to load the pipeline");
            for (Throwable t = e; t != null; t = t.getCause()) System.err.println("  caused by: " + t);
            System.exit(1);
            return;
        }
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newFixedThreadPool(threads)); // at most `threads` annotations at once; the rest queue
        http.start();
        stdout.println("CORENLP_READY " + http.getAddress().getPort());
        stdout.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
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
            return ("{\"status\":\"ok\",\"annotators\":\"" + ANNOTATORS + "\"}").getBytes(StandardCharsets.UTF_8);
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

    private byte[] annotate(String text, String date) throws IOException {
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

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }

    private static int number(String v, String flag, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) { }
        throw new IllegalArgumentException(flag + " needs a whole number in " + min + ".." + max + ", got '" + v + "'");
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
