package dev.azimuth.jdbc.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

/**
 * Makes the protobuf service a remote connection talks through (Avatica's {@code factory}
 * connection property names this class): Avatica's own, except that errors the server sends
 * surface as {@link ServerError}s with the server's message intact. Stateless.
 */
public final class AzimuthServiceFactory implements Service.Factory {
  @Override public Service create(AvaticaConnection connection) {
    ConnectionConfig config = connection.config();
    AvaticaHttpClient client;
    try {
      client = config.httpClientFactory().getClient(new URI(config.url()).toURL(), config,
          connection.getKerberosConnection());
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException("bad server URL " + config.url(), e);
    }
    return new ErrorPreservingService(client);
  }

  /** Avatica's service, with the server's errors kept whole. */
  private static final class ErrorPreservingService extends RemoteProtobufService {
    /** What Avatica puts before every message from the server. */
    private static final String PREFIX = "Remote driver error: ";

    ErrorPreservingService(AvaticaHttpClient client) {
      super(client, new ProtobufTranslationImpl());
    }

    @Override public Response _apply(Request request) {
      try {
        return super._apply(request);
      } catch (AvaticaClientRuntimeException e) {
        // Avatica's client retries on a missing connection only if it sees its own type.
        if (e.getErrorCode() == ErrorResponse.MISSING_CONNECTION_ERROR_CODE) {
          throw e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(PREFIX)) {
          message = message.substring(PREFIX.length());
        }
        throw new ServerError(message, e.getSqlState(), e.getErrorCode(), e);
      }
    }
  }
}
