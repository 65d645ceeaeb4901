# Two stages: build the fat jar with Maven, run it on a small JRE image as a non-root user.
# No Docker engine runs on the development machines here; this file is checked by reading.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY tools/pom.xml tools/
COPY agent-graph/pom.xml agent-graph/
COPY verticles/pom.xml verticles/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=datasense-tools,datasense-agent-graph || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app datasense && mkdir -p /app/data && chown -R datasense /app
WORKDIR /app
COPY --from=build /src/verticles/target/datasense.jar /app/datasense.jar
USER datasense
ENV DATASENSE_DATA_DIR=/app/data DATASENSE_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "-Djava.awt.headless=true", "-XX:MaxRAMPercentage=70", "-jar", "/app/datasense.jar"]
