package org.civicca.api.crl;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.civicca.api.web.ApiMessage;
import org.civicca.api.web.ClientLanguage;
import org.civicca.api.web.ProblemWriter;
import org.civicca.core.message.MessageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers one connection's requests on the publication listener, on its event-loop thread, from the files held in
 * memory: GET and HEAD of {@code /crl/<ca>.crl} and {@code /ca/<ca>.crt} with the same headers and conditional
 * answers as the service's own port ({@link PublicFiles}); 404, 405 and 400 as problem+json. Keeps HTTP/1.1
 * connections open unless asked to close; closes after a refused method (its body is not read) or a request it could
 * not parse.
 */
@ChannelHandler.Sharable
final class PublicationHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger log = LoggerFactory.getLogger(PublicationHandler.class);

    private final PublicFiles files;
    private final ProblemWriter problems;
    private final Clock clock;
    private volatile HttpDate date = new HttpDate(Long.MIN_VALUE, "");

    PublicationHandler(PublicFiles files, ProblemWriter problems, Clock clock) {
        this.files = files;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
        if (!(message instanceof HttpRequest request)) {
            return; // part of a request's body, which nothing here reads
        }
        if (request.decoderResult().isFailure()) {
            answer(context, request, problem(request, HttpStatus.BAD_REQUEST, ApiMessage.REQUEST_NOT_SERVED, 400), false);
            return;
        }
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            FullHttpResponse refusal = problem(request, HttpStatus.METHOD_NOT_ALLOWED, ApiMessage.METHOD_NOT_ALLOWED, method.name());
            refusal.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            answer(context, request, refusal, false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Optional<PublicFile> found = files.find(path(request.uri()));
        FullHttpResponse response = found.isPresent() ? fileAnswer(request, found.get())
                : problem(request, HttpStatus.NOT_FOUND, ApiMessage.NOTHING_AT_PATH);
        answer(context, request, response, keepAlive);
    }

    /** The file, its headers alone (HEAD), or 304 when the client holds it already. */
    private FullHttpResponse fileAnswer(HttpRequest request, PublicFile file) {
        HttpHeaders headers = request.headers();
        boolean held = PublicFiles.notModified(file, headers.getAll(HttpHeaderNames.IF_NONE_MATCH), () -> {
            Date since = DateFormatter.parseHttpDate(headers.get(HttpHeaderNames.IF_MODIFIED_SINCE, ""));
            return since == null ? -1 : since.getTime();
        });
        files.count(file, held);
        FullHttpResponse response;
        if (held) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
        } else {
            // HEAD: the codec sends the headers of the GET answer and leaves the body out.
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    request.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(file.directBody()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, file.body().length);
        }
        response.headers().set(HttpHeaderNames.ETAG, file.etag())
                .set(HttpHeaderNames.LAST_MODIFIED, file.lastModifiedHeader())
                .set(HttpHeaderNames.CACHE_CONTROL, files.cacheControl(file));
        return response;
    }

    /** The path of a request target in origin form ({@code /crl/x.crl?q}) or absolute form ({@code http://host/crl/x.crl}). */
    static String path(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.startsWith("/")) {
            return path;
        }
        int authority = path.indexOf("://");
        int slash = authority < 0 ? -1 : path.indexOf('/', authority + 3);
        return slash < 0 ? "" : path.substring(slash);
    }

    private FullHttpResponse problem(HttpRequest request, HttpStatus status, MessageKey detail, Object... args) {
        Locale language = ClientLanguage.of(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
        byte[] body = problems.render(language, status, "http-" + status.value(), detail, args);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status.value()),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .set(HttpHeaderNames.CONTENT_LANGUAGE, language.toLanguageTag())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private void answer(ChannelHandlerContext context, HttpRequest request, FullHttpResponse response, boolean keepAlive) {
        response.headers().set(HttpHeaderNames.DATE, date());
        if (keepAlive) {
            if (!request.protocolVersion().isKeepAliveDefault()) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            context.writeAndFlush(response, context.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The Date header, formatted once a second rather than once an answer. */
    private String date() {
        long second = clock.millis() / 1000;
        HttpDate current = date;
        if (current.second() != second) {
            current = new HttpDate(second, DateFormatter.format(new Date(second * 1000)));
            date = current;
        }
        return current.value();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            context.close();
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // A client gone mid-answer, mostly: nothing to answer, and nothing of the request worth logging above debug.
        log.debug("Publication connection closed after {}", cause.toString());
        context.close();
    }

    private record HttpDate(long second, String value) {
    }
}
