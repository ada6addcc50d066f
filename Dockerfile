# The explorer is built with the dev dependencies (Vite), then copied into a slim runtime image.
FROM node:20-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY explorer ./explorer
# The explorer shares the model's type lists, the change kinds and the ingest summary with the service.
COPY src ./src
RUN node explorer/build.mjs --force

FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
COPY --from=explorer /app/dist/explorer ./dist/explorer
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["npx", "tsx", "src/cli/main.ts", "serve"]
