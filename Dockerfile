# copbot container image: build with the same commands CI runs, run as a non-root user with the
# SQLite database on a volume. No registry but the npm registry and Debian's is needed.
#   docker build -t copbot .                 # the image
#   docker build --target test -t copbot-test .   # the same install and `npm test` as CI
ARG NODE_VERSION=22

# --- build: install exactly as CI does (`npm ci` builds dist/ in its prepare step) -------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 compiles from source where its prebuilt binary cannot be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund

# --- test: CI's second command, on the image's Node (`docker build --target test .`) -----------
FROM build AS test
RUN npm test

# --- runtime dependencies only --------------------------------------------------------------
FROM build AS prune
RUN npm prune --omit=dev --no-audit --no-fund

# --- the image --------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    COPBOT_DB=/data/copbot.db \
    COPBOT_DATA_DIR=/data \
    COPBOT_HEALTH_PORT=8081 \
    SLACK_PORT=3000
WORKDIR /app
COPY --from=prune /app/package.json ./package.json
COPY --from=prune /app/node_modules ./node_modules
# The local stand-in for the Matrix crypto package that node_modules links to.
COPY --from=prune /app/adapters/matrix/crypto-stub ./adapters/matrix/crypto-stub
COPY --from=prune /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 3000: Slack HTTP mode (/slack/events); 8081: /healthz, /readyz and /metrics.
EXPOSE 3000 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.COPBOT_HEALTH_PORT + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs, without npm in between (see docs/operations.md for the V8 flags).
CMD ["node", "--optimize-for-size", "--v8-pool-size=1", "--disable-warning=DEP0060", "dist/src/main.js"]
