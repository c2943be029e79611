import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local listening on 127.0.0.1 only, with no telemetry. Its own launcher (ServerRunner)
 * binds every interface and has no option to choose one, so this does what ServerRunner.main does,
 * minus the telemetry set-up, and binds its Jetty connector to loopback before starting it.
 * Run by src/local/dynamoDbLocal.ts with Java's single-file source launcher
 * (java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java ...): there is nothing to compile by hand.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    proxy.start();
  }
}
