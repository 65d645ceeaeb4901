# syntax=docker/dockerfile:1
# DataSense node image: stage 1 builds with Maven, stage 2 runs the node on a JRE as a non-root user. The node is
# shipped as two layers: lib/datasense-deps.jar (every third-party library, changes only when a dependency does)
# and datasense.jar (our classes, ~1.6 MB, changes with every commit; its manifest puts lib/datasense-deps.jar on
# the class path, so `java -jar /app/datasense.jar` runs it). A rebuild after a code change re-ships 1.6 MB, not
# the 130 MB of libraries. Only the Linux x86_64 and aarch64 native libraries are packed (verticles/pom.xml).
#
#   docker build -t datasense .
#   docker run -p 8080:8080 datasense                        # one node, local object store, in-process cache
#   docker compose up --build                                # Redis + MinIO + two clustered nodes (docker-compose.yml)
#
# No Docker engine runs on the development machines of this project: this file is checked by reading, not by
# building. Runtime settings are environment variables (java -jar datasense.jar --help lists them).

# ---- build --------------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Only what the build reads (no target/ folders or data of a developer's tree, no .git). cluster-config/ is part
# of the build: the verticles module packs hazelcast-loopback.xml into the jar as the default member file.
COPY pom.xml ./
COPY tools/ tools/
COPY agent-graph/ agent-graph/
COPY verticles/ verticles/
COPY cluster-config/ cluster-config/
# The Maven repository lives in a BuildKit cache mount: rebuilds after a source change download nothing again,
# and the downloaded jars never end up in an image layer. Tests run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    rm -rf tools/target agent-graph/target verticles/target \
 && mvn -B -q -DskipTests package \
 && cp -r verticles/target/image /image

# ---- run ----------------------------------------------------------------------------------------------------
# Ubuntu-based JRE, not Alpine: DuckDB's JDBC driver ships a glibc native library, which musl cannot load.
FROM eclipse-temurin:17-jre-jammy
# curl for the health check; fontconfig + DejaVu so JFreeChart can draw text in headless PNG charts (without a
# font, chart rendering fails at run time).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin datasense \
 && mkdir -p /app/data \
 && chown -R datasense:datasense /app
WORKDIR /app
# The dependency layer first (rarely changes), our classes last (change often).
COPY --from=build /image/lib/datasense-deps.jar /app/lib/datasense-deps.jar
COPY --from=build /image/datasense.jar /app/datasense.jar
# The member files (loopback, compose, AWS) for DATASENSE_CLUSTER_CONFIG=/app/cluster-config/<file>.
COPY cluster-config/*.xml /app/cluster-config/
USER datasense

# JAVA_OPTS: heap at 70% of the container's memory limit (DuckDB's native memory needs the rest); the
# --add-modules/--add-exports/--add-opens list is the one Hazelcast asks for at start (without it Hazelcast runs,
# only slower and with a warning).
ENV DATASENSE_PORT=8080 \
    DATASENSE_DATA_DIR=/app/data \
    JAVA_OPTS="-Djava.awt.headless=true -XX:MaxRAMPercentage=70 --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
# The uploads, Parquet files and artifacts of the local object store (or, with S3_BUCKET, the local read cache).
VOLUME ["/app/data"]
# 8080: HTTP. 5701: Hazelcast, when clustered. The clustered event bus uses one more port (see cluster-config/README.md).
EXPOSE 8080 5701
# /health answers 200 once the node serves HTTP. A node without the api role has no HTTP server: give such a
# container its own check (docker-compose.yml: healthcheck: disable: true) or it is reported unhealthy.
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${DATASENSE_PORT}/health" >/dev/null || exit 1
# sh -c so JAVA_OPTS is split into options; exec so java is PID 1 and gets SIGTERM (a clean cluster leave);
# "$@" passes `docker run datasense --cluster` style arguments through.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/datasense.jar \"$@\"", "datasense"]
