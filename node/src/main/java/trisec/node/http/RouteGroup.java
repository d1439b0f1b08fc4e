package trisec.node.http;

import io.javalin.config.RoutesConfig;

/**
 * The routes of one feature (the API's items, the pages of releases, …), each declared with its {@link Access}.
 * {@link HttpServer} adds every group to one route table.
 */
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
