# syntax=docker/dockerfile:1
#
# shinkyu in a container: built with the full toolchain, run with production dependencies only,
# as the unprivileged `node` user. Configuration comes from the environment alone (README:
# "Configuration"); the SQLite file lives in the /data volume unless DATABASE_URL is set.
#
#   docker build -t shinkyu .
#   docker run -p 3000:3000 -v shinkyu-data:/data -e ORIGIN=https://clinic.example.jp shinkyu
#
# ORIGIN is required: every link in a mail is built from it, never from a request's Host header,
# and the server refuses to start without it. The image starts a real clinic with no demo data;
# add -e SHINKYU_DEMO=1 to try it with the demo clinic.
#
# The `tools` target runs the command-line tasks (migrate, create-admin, backup, restore), which
# need the TypeScript sources and the PostgreSQL client tools: see compose.yaml.

# Bookworm pins the Debian release, so the PostgreSQL client installed below is 15, like the server.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# better-sqlite3 compiles from source when no prebuilt binary fits the platform.
FROM base AS toolchain
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./

FROM toolchain AS deps
RUN npm ci

FROM toolchain AS production-deps
RUN npm ci --omit=dev

FROM deps AS build
COPY . .
RUN npm run build

FROM build AS tools
RUN apt-get update \
	&& apt-get install -y --no-install-recommends postgresql-client \
	&& rm -rf /var/lib/apt/lists/* \
	&& mkdir -p /data /backups && chown node:node /data /backups
ENV NODE_ENV=production DATA_DIR=/data
USER node
CMD ["npm", "run", "migrate"]

FROM base AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data SHINKYU_DEMO=0
# Owned by root and only readable by `node`: the app cannot change its own code.
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# adapter-node's own server: it stops taking requests and closes the database on SIGTERM.
CMD ["node", "build/index.js"]
