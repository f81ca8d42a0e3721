# Podlens container image.
#   docker build -t podlens .
#   docker run -p 8080:8080 -v podlens-data:/data podlens
# PostgreSQL instead of the embedded H2 database:
#   docker run -p 8080:8080 -v podlens-data:/data -e SPRING_PROFILES_ACTIVE=postgres \
#     -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/podlens \
#     -e SPRING_DATASOURCE_USERNAME=podlens -e SPRING_DATASOURCE_PASSWORD=secret podlens
# /data still holds the Lucene index then, so keep the volume.
# The service runs as uid 10001: a bind-mounted host directory must be writable by it
# (e.g. `chown 10001:10001 ./data`); a named volume gets the right owner automatically.

# ---- build stage: Maven wrapper on JDK 17 ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace

# Wrapper and pom first: the dependency layer is reused until the pom changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY podlens-text/pom.xml podlens-text/
COPY podlens-service/pom.xml podlens-service/
RUN chmod +x mvnw
# Best effort cache warm-up; the package step below resolves anything go-offline misses.
RUN ./mvnw -B -ntp -q dependency:go-offline || true

COPY podlens-text/src/ podlens-text/src/
COPY podlens-service/src/ podlens-service/src/
RUN ./mvnw -B -ntp -q -DskipTests package \
 && java -Djarmode=tools -jar podlens-service/target/podlens-*.jar \
      extract --layers --launcher --destination target/extracted

# ---- run stage: JRE 17 only ----
FROM eclipse-temurin:17-jre

# Fixed numeric ids so that volume ownership and runAsNonRoot checks are predictable.
RUN groupadd --system --gid 10001 podlens \
 && useradd --system --uid 10001 --gid podlens --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin podlens \
 && install -d -o podlens -g podlens /data

WORKDIR /app
# One layer per Boot layer, least often changed first.
COPY --from=build /workspace/target/extracted/dependencies/ ./
COPY --from=build /workspace/target/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/target/extracted/application/ ./

# H2 database in /data/db, Lucene index in /data/index.
ENV PODLENS_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER 10001:10001

# The eclipse-temurin Ubuntu images install curl (adoptium/containers, "curl required for
# historical reasons"); the exec form needs no shell. Start-up takes ~10 s, longer when
# the search index is rebuilt from a large database, hence the generous start period.
# Disable with `docker run --no-healthcheck` when basing this on an image without curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/actuator/health"]

# Replaces the base image entrypoint, which only imports extra CA certificates (as root).
# Extra JVM flags: JAVA_TOOL_OPTIONS (read by the JVM itself, no shell involved).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "org.springframework.boot.loader.launch.JarLauncher"]
