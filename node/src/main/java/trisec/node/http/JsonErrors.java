package trisec.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import trisec.node.base.Json;

/**
 * The HTTP server's own error answers in the API's shape, {@code {"error": CODE, "message": …}}: for requests it
 * refuses before routing (an ambiguous or malformed URI, headers too large). The message is the status's, never
 * the server's detail, which may quote the request.
 */
final class JsonErrors extends ErrorHandler {

    static String body(int status) {
        var m = new LinkedHashMap<String, Object>();
        m.put("error", switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL";
            default -> "HTTP_" + status;
        });
        String reason = HttpStatus.getMessage(status);
        m.put("message", "the HTTP server refused the request: " + (reason == null ? "status " + status : reason));
        return Json.write(m);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // The server drops the connection after refusing a request it could not route (an ambiguous URI): say so,
        // or a client that keeps connections alive sends its next request into a closed one.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }
}
