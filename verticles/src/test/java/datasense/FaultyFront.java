package datasense;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP front of a real HTTP server (S3Proxy in the tests) that can be told to fail: while failing, it answers
 * every request itself with one HTTP status and an S3 error body, as a sick S3 would; otherwise it passes the
 * bytes through untouched (signatures stay valid: the Host header is the client's own). Switching closes every
 * open connection, so a client's pooled connections do not carry the previous mode on.
 */
final class FaultyFront implements AutoCloseable {

    private final ServerSocket server;
    private final int backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int failStatus;
    private volatile String failCode = "";

    private FaultyFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A front of 127.0.0.1:{@code backendPort}, passing through. */
    static FaultyFront of(int backendPort) throws IOException {
        return new FaultyFront(backendPort);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on every request is answered {@code status} with the S3 error {@code code}. */
    void fail(int status, String code) {
        failCode = code;
        failStatus = status;
        closeOpen();
    }

    /** From now on requests reach the server again. */
    void pass() {
        failStatus = 0;
        closeOpen();
    }

    /** Requests answered with a failure so far. */
    int failedRequests() {
        return failed.get();
    }

    private void closeOpen() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                int status = failStatus;
                Thread t = new Thread(() -> {
                    if (status != 0) {
                        answerFailure(client, status, failCode);
                    } else {
                        forward(client);
                    }
                }, "faulty-front-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads one request (headers, and the body when its length is given and no 100-continue is awaited), answers, closes. */
    private void answerFailure(Socket client, int status, String code) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String lower = head.toLowerCase(Locale.ROOT);
            if (!lower.contains("expect: 100-continue")) {
                long length = contentLength(lower);
                in.skipNBytes(length);
            }
            boolean isHead = head.startsWith("HEAD ");
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                    + code + " (a test's sick S3)</Message></Error>").getBytes(StandardCharsets.UTF_8);
            String reason = status == 503 ? "Service Unavailable" : "Internal Server Error";
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (!isHead) {
                out.write(body);
            }
            out.flush();
            failed.incrementAndGet();
            // a graceful close, as a server's: what the client still sends is read, so the answer is not lost to a reset
            client.shutdownOutput();
            client.setSoTimeout(2_000);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away first
        } finally {
            open.remove(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String lowerHead) {
        for (String line : lowerHead.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private void forward(Socket client) {
        Socket backend;
        try {
            backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        } catch (IOException e) {
            closeQuietly(client);
            open.remove(client);
            return;
        }
        open.add(backend);
        Thread back = new Thread(() -> pipe(backend, client), "faulty-front-back");
        back.setDaemon(true);
        back.start();
        pipe(client, backend);
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeOpen();
    }
}
