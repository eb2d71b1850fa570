package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One path of the gateway's API, answering one method. */
interface Endpoint {
  String method();

  JsonReply handle(HttpExchange exchange) throws HttpError, IOException;
}
