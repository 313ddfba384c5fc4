# syntax=docker/dockerfile:1
# The console's image: the release build (scripts/build-release.mjs) in a build stage, its
# output copied onto a slim Node 20 base. Configuration comes only from the environment
# (deploy/README.md lists it); nothing is baked in.
#
#   docker build -t cluster-console:<version> .                 the BFF with the SPA (default)
#   docker build --target demo -t cluster-console-demo:<version> .  + clusters API, local GitLab, git
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# The pnpm of package.json's packageManager, from npm (corepack's bundled keys go stale).
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile
RUN node scripts/build-release.mjs --out /release

# What neither image needs at run time: package managers (the apps are self-contained bundles).
FROM ${NODE_IMAGE} AS slim
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx \
      /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
ENV NODE_ENV=production \
    HOST=0.0.0.0
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000

# The demo: the BFF plus the embedded clusters API and local GitLab, which run `git`.
FROM slim AS demo
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
USER 1000:1000
COPY --from=build --chown=0:0 /release /app
WORKDIR /app/bff
EXPOSE 3000 8000 8929
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/bff/dist/main.js"]

# The default (last) stage: the BFF serving the built SPA, and nothing else.
FROM slim AS runtime
COPY --from=build --chown=0:0 /release/bff /app/bff
WORKDIR /app/bff
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/bff/dist/main.js"]
