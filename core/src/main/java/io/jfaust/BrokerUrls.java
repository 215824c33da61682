package io.jfaust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Faust's broker URLs ({@code kafka://host:port}, {@code PLAINTEXT://host:port}, bare {@code host:port}, several
 * joined by {@code ;} or {@code ,}) as Kafka's {@code host:port} list: the one parser behind the {@code broker}
 * setting, a worker's {@code broker(...)} and every verb's {@code --broker}.
 *
 * <p>A URL holding credentials ({@code kafka://alice:secret@host}) is refused: Faust takes only host and port from
 * it (they would authenticate nothing), and as {@code bootstrap.servers} they would be printed wherever Kafka logs
 * its configs. Credentials belong in {@code broker_credentials}, held as Kafka {@code Password}s.
 */
final class BrokerUrls {
    private BrokerUrls() {}

    static List<String> parse(String urls) {
        List<String> out = new ArrayList<>();
        for (String part : Objects.requireNonNull(urls, "broker").split("[;,]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int scheme = p.indexOf("://");
            String rest = scheme >= 0 ? p.substring(scheme + 3) : p;
            int slash = rest.indexOf('/');
            int at = rest.lastIndexOf('@', slash >= 0 ? slash : rest.length());
            if (at >= 0) {
                throw credentialsInUrl(p.substring(0, scheme >= 0 ? scheme + 3 : 0), rest.substring(at + 1));
            }
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            if (!rest.contains(":")) {
                rest = rest + ":9092";
            }
            out.add(rest);
        }
        if (out.isEmpty()) {
            throw new ImproperlyConfigured("broker: no broker URL in '" + urls + "'");
        }
        return out;
    }

    /** The refusal names the URL with its user and password left out, and where credentials go instead. */
    private static ImproperlyConfigured credentialsInUrl(String scheme, String hostPart) {
        return new ImproperlyConfigured("broker URL '" + scheme + "***@" + hostPart + "' holds credentials: jfaust "
                + "does not read them from the URL (Faust uses only its host and port) and Kafka would print them "
                + "with its configs. Name only the host (" + scheme + hostPart + ") and give the credentials once as "
                + "conf.brokerCredentials(BrokerCredentials.sasl(user, password)) (Faust's broker_credentials).");
    }
}
