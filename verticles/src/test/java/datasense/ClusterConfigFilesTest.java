package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.AwsConfig;
import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the deployment files no test starts: the Hazelcast member files in cluster-config/ (parsed and
 * schema-validated by Hazelcast itself), docker-compose.yml, the Dockerfile and the k6 scripts. No Docker engine
 * or k6 runs on the development machines, so these files are otherwise only read by people.
 */
final class ClusterConfigFilesTest {

    private static Path root;

    @BeforeAll
    static void findRepositoryRoot() {
        // surefire runs in verticles/, an IDE may run in the root: walk up to the folder that holds cluster-config/
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("cluster-config"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent folder holding cluster-config/").isNotNull();
        root = dir;
    }

    private static Config member(String file) throws IOException {
        return new FileSystemXmlConfig(root.resolve("cluster-config").resolve(file).toFile());
    }

    // ---- every member file ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"hazelcast-loopback.xml", "hazelcast-compose.xml", "hazelcast-aws.xml"})
    void everyMemberFileNoticesADeadMemberInSecondsWithoutMulticast(String file) throws IOException {
        Config config = member(file);

        assertThat(config.getClusterName()).isEqualTo("datasense");
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        // Hazelcast's default is 60 s without a heartbeat; a dead node must be noticed in a few seconds
        assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("10");
        assertThat(Integer.parseInt(config.getProperty("hazelcast.merge.first.run.delay.seconds"))).isLessThanOrEqualTo(60);
        // what the Vert.x cluster manager sets on any config it is given
        assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hazelcast-loopback.xml", "hazelcast-compose.xml", "hazelcast-aws.xml"})
    void everyMemberFileKeepsWhatVertxDefaultClusterXmlSets(String file) throws IOException {
        // the file inside io.vertx:vertx-hazelcast: a Vert.x upgrade that changes it makes this test fail
        Config vertxDefault = new ClasspathXmlConfig("default-cluster.xml");
        Config config = member(file);

        assertThat(vertxDefault.getMultiMapConfigs()).containsKey("__vertx.subs");
        for (MultiMapConfig expected : vertxDefault.getMultiMapConfigs().values()) {
            MultiMapConfig actual = config.getMultiMapConfigs().get(expected.getName());
            assertThat(actual).as("multimap %s in %s", expected.getName(), file).isNotNull();
            assertThat(actual.getBackupCount()).isEqualTo(expected.getBackupCount());
            assertThat(actual.getValueCollectionType()).isEqualTo(expected.getValueCollectionType());
        }
        assertThat(vertxDefault.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo");
        for (MapConfig expected : vertxDefault.getMapConfigs().values()) {
            MapConfig actual = config.getMapConfigs().get(expected.getName());
            assertThat(actual).as("map %s in %s", expected.getName(), file).isNotNull();
            assertThat(actual.getBackupCount()).isEqualTo(expected.getBackupCount());
        }
        assertThat(config.getMultiMapConfigs().get("__vertx.subs").getValueCollectionType())
                .isEqualTo(MultiMapConfig.ValueCollectionType.SET);
    }

    // ---- each member file's join --------------------------------------------------------------------------

    @Test
    void loopbackFileFindsUpToTenMembersOn127001() throws IOException {
        Config config = member("hazelcast-loopback.xml");
        NetworkConfig network = config.getNetworkConfig();
        JoinConfig join = network.getJoin();

        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
        assertThat(join.getAwsConfig().isEnabled()).isFalse();
        assertThat(network.getPort()).isEqualTo(5701);
        assertThat(network.isPortAutoIncrement()).isTrue();
        assertThat(network.getPortCount()).isEqualTo(10);
        // a member entry without a port is probed on this many ports from 5701: all ten, not Hazelcast's 3
        assertThat(Integer.parseInt(config.getProperty("hazelcast.tcp.join.port.try.count"))).isEqualTo(network.getPortCount());
        assertThat(network.getInterfaces().isEnabled()).isTrue();
        assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    }

    @Test
    void theJarCarriesTheLoopbackFileAsItsBuiltInDefault() throws IOException {
        // Cluster loads this resource when DATASENSE_CLUSTER_CONFIG is empty: it must be the documented file
        try (var in = ClusterConfigFilesTest.class.getClassLoader().getResourceAsStream(Cluster.LOOPBACK_CONFIG)) {
            assertThat(in).as("resource %s", Cluster.LOOPBACK_CONFIG).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(root.resolve("cluster-config/hazelcast-loopback.xml")));
        }
    }

    @Test
    void composeFileListsTheTwoComposeNodes() throws IOException {
        JoinConfig join = member("hazelcast-compose.xml").getNetworkConfig().getJoin();

        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("node1:5701", "node2:5701");
        assertThat(join.getAwsConfig().isEnabled()).isFalse();
    }

    @Test
    void awsFileDiscoversTaggedInstancesWithTheInstanceRole() throws IOException {
        JoinConfig join = member("hazelcast-aws.xml").getNetworkConfig().getJoin();
        AwsConfig aws = join.getAwsConfig();

        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(aws.isEnabled()).isTrue();
        assertThat(aws.getProperties())
                .containsEntry("tag-key", "datasense-cluster")
                .containsEntry("tag-value", "prod")
                .containsEntry("security-group-name", "datasense-cluster")
                .containsEntry("hz-port", "5701-5708")
                .containsKey("region")
                // credentials come from the instance role, never from the file
                .doesNotContainKeys("access-key", "secret-key");
        assertThat(member("hazelcast-aws.xml").getNetworkConfig().getPortCount()).isEqualTo(8);
    }

    // ---- docker-compose.yml and the Dockerfile -------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        // SnakeYAML Engine as shaded inside Hazelcast (already on the classpath): a real YAML parse, so an
        // indentation slip in the compose file fails here rather than on someone's `docker compose up`
        var load = new com.hazelcast.shaded.org.snakeyaml.engine.v2.api.Load(
                com.hazelcast.shaded.org.snakeyaml.engine.v2.api.LoadSettings.builder().build());
        Map<String, Object> compose = (Map<String, Object>) load.loadFromString(Files.readString(root.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @Test
    void composeRunsRedisAnS3ServerWithItsBucketAndTwoClusteredNodes() throws IOException {
        Map<String, Object> services = services();

        assertThat(services).containsKeys("redis", "minio", "minio-init", "node1", "node2");
        assertThat((String) map(services.get("redis")).get("image")).startsWith("redis:7");
        assertThat((String) map(services.get("minio")).get("image")).startsWith("minio/minio");
        Map<String, Object> init = map(services.get("minio-init"));
        assertThat((String) init.get("image")).startsWith("minio/mc");
        assertThat(map(map(init.get("depends_on")).get("minio"))).containsEntry("condition", "service_healthy");
        Matcher bucket = Pattern.compile("mc mb --ignore-existing local/([a-z0-9.-]+)").matcher(String.valueOf(init.get("command")));
        assertThat(bucket.find()).as("minio-init creates a bucket").isTrue();

        List<String> members = member("hazelcast-compose.xml").getNetworkConfig().getJoin().getTcpIpConfig().getMembers();
        for (String name : List.of("node1", "node2")) {
            Map<String, Object> node = map(services.get(name));
            Map<String, Object> env = map(node.get("environment"));
            assertThat(node.get("build")).as("%s is built from the Dockerfile", name).isEqualTo(".");
            assertThat(node.get("hostname")).isEqualTo(name);
            assertThat(members).as("the compose member file lists %s", name).contains(name + ":5701");
            assertThat((String) env.get("REDIS_URL")).startsWith("redis://redis:6379");
            assertThat(env).containsEntry("S3_BUCKET", bucket.group(1))
                    .containsEntry("S3_ENDPOINT", "http://minio:9000")
                    .containsEntry("DATASENSE_CLUSTER", "true")
                    .containsEntry("DATASENSE_CLUSTER_CONFIG", "/app/cluster-config/hazelcast-compose.xml")
                    .containsEntry("DATASENSE_CLUSTER_HOST", name)
                    .containsEntry("DATASENSE_NODE_NAME", name);
            // every variable is a setting the node reads (a typo would be silently ignored by the node)
            assertThat(NodeConfig.SETTINGS).containsKeys(env.keySet().toArray(String[]::new));
            assertThat(NodeConfig.ROLES).containsAll(List.of(((String) env.get("DATASENSE_ROLES")).split(",")));
            Map<String, Object> dependsOn = map(node.get("depends_on"));
            assertThat(map(dependsOn.get("redis"))).containsEntry("condition", "service_healthy");
            assertThat(map(dependsOn.get("minio-init"))).containsEntry("condition", "service_completed_successfully");
            assertThat(String.valueOf(map(node.get("healthcheck")).get("test"))).contains("/health");
        }
        // an upload URL signed by one node must verify on the other
        assertThat(map(map(services.get("node1")).get("environment")).get("DATASENSE_SIGNING_KEY"))
                .isEqualTo(map(map(services.get("node2")).get("environment")).get("DATASENSE_SIGNING_KEY"));
        assertThat(map(map(services.get("node2")).get("depends_on"))).containsKey("node1");
        for (Object service : services.values()) {
            Object dependsOn = map(service).get("depends_on");
            if (dependsOn != null) {
                assertThat(services).as("depends_on names defined services").containsKeys(map(dependsOn).keySet().toArray(String[]::new));
            }
        }
    }

    @Test
    void dockerfileBuildsInTwoStagesAndRunsAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));

        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count()).isEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$")
                .contains("mvn -B -q -DskipTests package")
                .containsPattern("(?m)^COPY --from=build ")
                .containsPattern("(?m)^USER datasense$")
                .containsPattern("(?m)^HEALTHCHECK .*")
                .contains("/health")
                // docker-compose.yml points DATASENSE_CLUSTER_CONFIG into this folder of the image
                .containsPattern("(?m)^COPY cluster-config/\\*\\.xml /app/cluster-config/$");
        // the build stage copies cluster-config/ too: the verticles module packs the loopback file into the jar
        assertThat(dockerfile).containsPattern("(?m)^COPY cluster-config/ cluster-config/$");
    }

    @Test
    void dockerfileShipsTheDependenciesInALayerBeforeOurClasses() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        String pom = Files.readString(root.resolve("verticles/pom.xml"));
        // the layout verticles/pom.xml writes (PackagedJarIT starts a node from it) is the one the image copies
        assertThat(pom).contains("<outputFile>${project.build.directory}/image/lib/datasense-deps.jar</outputFile>")
                .contains("<outputFile>${project.build.directory}/image/datasense.jar</outputFile>")
                .contains("<Class-Path>lib/datasense-deps.jar</Class-Path>");
        assertThat(dockerfile).contains("cp -r verticles/target/image /image");
        int deps = dockerfile.indexOf("COPY --from=build /image/lib/datasense-deps.jar /app/lib/datasense-deps.jar\n");
        int ours = dockerfile.indexOf("COPY --from=build /image/datasense.jar /app/datasense.jar\n");
        assertThat(deps).as("the dependency layer").isPositive();
        assertThat(ours).as("our classes, the layer that changes often, come after it").isGreaterThan(deps);
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT .*exec java \\$JAVA_OPTS -jar /app/datasense.jar");
    }

    // ---- k6 ------------------------------------------------------------------------------------------------

    @Test
    void everyK6ScriptHasThresholds() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(root.resolve("k6"))) {
            // a script is what k6 runs: a .js file with a default function (lib.js is a module of helpers)
            scripts = files.filter(p -> p.toString().endsWith(".js"))
                    .filter(p -> read(p).contains("export default function"))
                    .sorted()
                    .toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString())
                .contains("cache-hit.js", "cold-ask.js", "upload.js");
        for (Path script : scripts) {
            String js = read(script);
            assertThat(js).as(script.getFileName().toString())
                    .contains("export const options")
                    .containsPattern("thresholds:\\s*\\{\\s*[^}\\s]")
                    // a limit on failed requests and one on a duration, each a list of conditions
                    .containsPattern("'?http_req_failed(\\{[^}]*})?'?:\\s*\\[\\s*\\S")
                    .containsPattern("'?(http_req_duration(\\{[^}]*})?|\\w+_ms)'?:\\s*\\[\\s*\\S");
        }
        // the seed's scenario: 100 virtual users asking of f_abc123
        String cacheHit = read(root.resolve("k6/cache-hit.js"));
        assertThat(cacheHit).contains("num('VUS', 100)").contains("SAMPLE_FILE_ID");
        assertThat(read(root.resolve("k6/lib.js"))).contains("'f_abc123'");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
