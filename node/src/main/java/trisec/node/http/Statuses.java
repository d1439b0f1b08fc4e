package trisec.node.http;

import trisec.node.base.Refusal;

/** The HTTP status of each kind of refusal: chosen here, at the edge the API and the pages share, and nowhere below. */
public final class Statuses {
    private Statuses() {}

    public static int of(Refusal r) {
        return switch (r) {
            case Refusal.Invalid i -> 400;
            case Refusal.Unauthenticated u -> 401;
            case Refusal.Forbidden f -> 403;
            case Refusal.NotFound n -> 404;
            case Refusal.Conflict c -> 409;
            case Refusal.Retracted g -> 410;
            case Refusal.TooLarge l -> 413;
            case Refusal.Unacceptable u -> 422;
            case Refusal.Locked l -> 423;
        };
    }
}
