# One image for every process of the federation: the gateway, the region, each bureau's subgraph,
# the simulated legacy service and the one-shot seeders. The command names the process's entry file
# (the entrypoint runs TypeScript through tsx, as `npm start` does; there is no build step):
#   docker run IMAGE                                          the gateway (gateway/server/gateway.main.ts)
#   docker run IMAGE subgraphs/cities/bureau.main.ts 500152   one bureau's subgraph
#   docker run IMAGE subgraphs/region/region.main.ts          the region subgraph
# docker-compose.yml describes the whole deployment; README.md, "Deployment", explains it.

# Stage 1: install and prune. The whole context is copied before `npm ci` because install scripts
# need it (better-sqlite3 compiles from source when no prebuilt binary can be fetched; the project's
# own postinstall steps read its sources); the compilers stay in this stage and never reach the
# image that runs. Dev dependencies (vitest, typescript, build-time bundlers) are pruned after.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Stage 2: the image that runs. Code and dependencies belong to root and are read-only for the
# process; only the data folder (a volume in compose) belongs to the unprivileged `node` user.
# tsx is a runtime dependency: it runs the TypeScript, as `npm start` does.
FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# A container's processes must listen on its network interface, not only on its loopback (the
# code's default, 127.0.0.1); the host decides what is published (compose binds to 127.0.0.1).
ENV ECOGRAPH_HOST=0.0.0.0 \
    ECOGRAPH_DATA_DIR=/app/data
# NODE_ENV stays unset on purpose: Apollo Server derives defaults from it (introspection, error
# details), which this project sets itself from ECOGRAPH_MODE; one switch, not two that can disagree.
EXPOSE 4000
# node runs the entry file itself (no npx/npm wrapper), so SIGTERM from `docker stop` reaches the
# process's own handler, which drains requests and closes its stores.
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["gateway/server/gateway.main.ts"]
# The gateway's readiness (region up and at least one bureau serving); compose gives every other
# process its own check. Node's fetch, because the slim image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.ECOGRAPH_GATEWAY_PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
