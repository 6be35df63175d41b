# syntax=docker/dockerfile:1

# ---- smart-client: the SMART app's client library (npm fhirclient, pinned by its lock), bundled by the build ----
FROM node:22-alpine AS smart-client
WORKDIR /smart
COPY src/main/smart/package.json src/main/smart/package-lock.json ./
RUN npm ci --omit=optional --no-audit --no-fund --ignore-scripts --loglevel=error

# ---- build: the Maven wrapper, dependencies cached in their own layer ----
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B dependency:go-offline
COPY src src
# Installed above, so src/main/smart/bundle.sh finds the packages and needs no npm here.
COPY --from=smart-client /smart/node_modules src/main/smart/node_modules
COPY rules rules
COPY openapi.yaml ./
# Tests ran in CI (./mvnw verify); the image only packages.
RUN ./mvnw -B package -DskipTests

# ---- run: the fast-jar on a slim JRE, as a non-root user ----
FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S mesoscreen && adduser -S -G mesoscreen -h /deployments mesoscreen
WORKDIR /deployments
COPY --from=build --chown=mesoscreen:mesoscreen /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=mesoscreen:mesoscreen /src/target/quarkus-app/*.jar ./
COPY --from=build --chown=mesoscreen:mesoscreen /src/target/quarkus-app/app/ app/
COPY --from=build --chown=mesoscreen:mesoscreen /src/target/quarkus-app/quarkus/ quarkus/
# The bundled rules; mount a clinic's own folder over /deployments/rules (read-only is enough).
COPY --chown=mesoscreen:mesoscreen rules/ rules/
# JAVA_TOOL_OPTIONS is read by the JVM itself; override it to tune memory. The live heap is ~32 MB,
# so a fixed 128 MB heap with the serial collector (one or two cores a pod) keeps the resident size
# under 256 MB whatever the container's limit (README, Performance); src/test/bench/run.sh uses these flags.
ENV MESOSCREEN_RULES_DIR=/deployments/rules \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
USER mesoscreen
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/q/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
