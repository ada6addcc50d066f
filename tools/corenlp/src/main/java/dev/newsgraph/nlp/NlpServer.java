package dev.newsgraph.nlp;

import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * A Stanford CoreNLP pipeline behind a small HTTP endpoint ({@link AnnotateHandler}) on the loopback interface
 * only (CoreNLP's own server binds every interface): {@code POST /annotate?date=YYYY-MM-DD} with a UTF-8 text
 * body answers CoreNLP's JSON; {@code GET /health}. Errors are {@code {"error": "..."}}.
 *
 * <p>stdout carries exactly one line, {@code CORENLP_READY <port>}, after a warm-up annotation (the first
 * request otherwise reloads the coreference model); everything else goes to stderr.
 * Exit codes: 2 bad arguments, 1 startup failure (e.g. port taken), 0 after stdin EOF, 143 on SIGTERM.
 */
public final class NlpServer {
    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp,quote";
    private static final String USAGE = "usage: NlpServer [--port N (0: any free one)] [--threads N (2)]"
            + " [--max-body-bytes N (2097152)] [--no-stdin-watch]";
    /** Exercises every annotator, coref and quote attribution included, so their lazy loading happens before READY. */
    private static final String WARM_UP_TEXT = "OSLO, Norway\n\nDefense Minister Anna Berg met General Tomas Lind of the"
            + " Swedish Armed Forces in Oslo in August. \"We will train together next year,\" she said, according to"
            + " the ministry's spokesperson. Lind said he agreed.";

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
        AnnotateHandler handler;
        try {
            Properties props = new Properties();
            props.setProperty("annotators", ANNOTATORS);
            props.setProperty("ssplit.newlineIsSentenceBreak", "two"); // a headline is not the next sentence's subject
            handler = new AnnotateHandler(new StanfordCoreNLP(props), maxBodyBytes);
            long warmUpStart = System.nanoTime();
            handler.annotate(WARM_UP_TEXT, "2021-08-03");
            System.err.println("corenlp: warm-up annotation took " + (System.nanoTime() - warmUpStart) / 1_000_000 + " ms");
        } catch (Throwable e) {
            System.err.println("corenlp: failed to load the pipeline");
            for (Throwable t = e; t != null; t = t.getCause()) System.err.println("  caused by: " + t);
            System.exit(1);
            return;
        }
        http.createContext("/", handler);
        http.setExecutor(Executors.newFixedThreadPool(threads)); // at most `threads` annotations at once; the rest queue
        http.start();
        stdout.println("CORENLP_READY " + http.getAddress().getPort());
        stdout.flush();
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
}
