package datasense.verticles.live;

/**
 * What one live client may hold on a node, so that no client can slow the others or grow without bound: the
 * largest frame read, questions running at once, jobs followed at once, and frames written but not yet taken by
 * the client (past that it is too slow to read and is closed with a reason). The same bounds apply to a
 * WebSocket ({@code /ws}) and a bridge socket ({@code /eventbus}).
 */
public record LiveLimits(int maxFrameChars, int maxAsksInFlight, int maxSubscriptions, int maxQueuedFrames, long authTimeoutMs) {

    /** 16 KiB frames (a question is at most 2,000 characters), 4 asks, 32 jobs, 1,024 unread frames, 10 s to authenticate. */
    public static final LiveLimits DEFAULT = new LiveLimits(16 * 1024, 4, 32, 1024, 10_000);
}
