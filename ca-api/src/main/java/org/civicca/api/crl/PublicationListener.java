package org.civicca.api.crl;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicca.api.config.CaProperties;
import org.civicca.api.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The publication listener ({@code ca.publication.port}): the public files, and nothing else, on an event loop of its
 * own instead of the servlet stack. A relying party's poll costs a read and a write on a connection the loop already
 * watches, with no hand-over between threads, so it answers several times as many polls as the service's own port
 * (which serves the same files too) and keeps them from queueing behind issuance. Linux's epoll where Netty's native
 * library loads, Java's NIO elsewhere. Started after the rest of the service, stopped before it.
 */
@Component
class PublicationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationListener.class);
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int MAX_HEADERS = 8192;

    private final CaProperties.Publication settings;
    private final PublicationHandler handler;
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup loops;
    private Channel channel;
    private volatile int port = -1;

    PublicationListener(CaProperties properties, PublicFiles files, ProblemWriter problems, Clock clock) {
        this.settings = properties.publication();
        this.handler = new PublicationHandler(files, problems, clock);
    }

    @Override
    public synchronized void start() {
        if (settings.port() == null) {
            return;
        }
        boolean epoll = Epoll.isAvailable();
        InetSocketAddress where = settings.address() == null || settings.address().isBlank()
                ? new InetSocketAddress(settings.port()) : new InetSocketAddress(settings.address(), settings.port());
        loops = new MultiThreadIoEventLoopGroup(settings.threads(), new DefaultThreadFactory("publication"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            channel = new ServerBootstrap().group(loops)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(connectionSetup())
                    .bind(where).syncUninterruptibly().channel();
        } catch (Exception e) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("The publication listener cannot listen on " + where + " (ca.publication.port): " + e, e);
        }
        port = ((InetSocketAddress) channel.localAddress()).getPort();
        log.info("Publication listener on port {} ({}, {} threads): /crl/<ca>.crl and /ca/<ca>.crt", port, epoll ? "epoll" : "NIO",
                settings.threads());
    }

    /** Sets up each new connection: refused beyond the limit, else closed when idle, HTTP/1.1, and the handler. */
    private ChannelInitializer<Channel> connectionSetup() {
        long idleMillis = settings.idleTimeout().toMillis();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel connection) {
                connection.closeFuture().addListener(closed -> connections.decrementAndGet());
                if (connections.incrementAndGet() > settings.maxConnections()) {
                    connection.close();
                    return;
                }
                // Idle means nothing read and no progress writing: a slow download of a large CRL is not idle.
                connection.pipeline().addLast(new IdleStateHandler(true, 0, 0, idleMillis, TimeUnit.MILLISECONDS),
                        new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADERS, MAX_HEADERS), handler);
            }
        };
    }

    @Override
    public synchronized void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            channel = null;
            port = -1;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return channel != null;
    }

    /** Connections open now. */
    int connections() {
        return connections.get();
    }

    /** The port listened on (the one taken when configured as 0), or -1 when there is no listener. */
    int port() {
        return port;
    }
}
