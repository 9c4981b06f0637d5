import type { SourceFile } from './source-files.js';

/**
 * Config, build and documentation files of ordinary projects: compose files with placeholder
 * passwords, CI workflows, Makefiles with `rm -rf`, READMEs and a SECURITY.md that talk about
 * secrets, migrations with CREATE TABLE.
 */
export const CONFIG_FILES: readonly SourceFile[] = [
  {
    path: 'Dockerfile',
    content: `FROM node:20-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-alpine
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1
CMD ["node", "dist/server.js"]
`,
  },
  {
    path: 'docker-compose.yml',
    content: `services:
  db:
    image: postgres:17
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-devpassword}
      POSTGRES_DB: app
    volumes:
      - pgdata:/var/lib/postgresql/data
    ports:
      - "5432:5432"
  api:
    build: .
    environment:
      DATABASE_URL: postgres://app:\${POSTGRES_PASSWORD:-devpassword}@db:5432/app
    depends_on: [db]
volumes:
  pgdata: {}
`,
  },
  {
    path: '.github/workflows/ci.yml',
    content: `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [20, 22]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test -- --coverage
`,
  },
  {
    path: 'k8s/deployment.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api }
spec:
  replicas: 3
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.42.0
          ports: [{ containerPort: 8080 }]
          envFrom:
            - secretRef: { name: api-credentials }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { memory: 512Mi }
`,
  },
  {
    path: 'Makefile',
    content: `.PHONY: build test lint clean

build:
\tgo build -o bin/worker ./cmd/worker

test:
\tgo test -race ./...

lint:
\tgolangci-lint run ./...

clean:
\trm -rf bin/ coverage.out
`,
  },
  {
    path: 'package.json',
    content: `{
  "name": "@acme/web",
  "version": "2.8.1",
  "private": true,
  "type": "module",
  "scripts": {
    "dev": "vite",
    "build": "tsc -b && vite build",
    "test": "vitest run",
    "lint": "eslint . --max-warnings 0",
    "clean": "rm -rf dist .turbo"
  },
  "dependencies": {
    "react": "^19.1.0",
    "react-dom": "^19.1.0",
    "@tanstack/react-query": "^5.59.0"
  },
  "devDependencies": {
    "typescript": "~5.9.2",
    "vite": "^7.1.3",
    "vitest": "^3.2.4"
  }
}
`,
  },
  {
    path: 'Cargo.toml',
    content: `[package]
name = "resolver"
version = "0.4.2"
edition = "2021"
license = "MIT OR Apache-2.0"

[dependencies]
tokio = { version = "1.40", features = ["rt-multi-thread", "macros", "net"] }
serde = { version = "1", features = ["derive"] }
thiserror = "1"

[dev-dependencies]
proptest = "1.5"
`,
  },
  {
    path: 'nginx/site.conf',
    content: `server {
    listen 443 ssl http2;
    server_name shop.acme.dev;

    ssl_certificate     /etc/letsencrypt/live/shop.acme.dev/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.acme.dev/privkey.pem;

    location /api/ {
        proxy_pass http://127.0.0.1:8080/;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location / {
        root /var/www/shop;
        try_files $uri /index.html;
    }
}
`,
  },
  {
    path: 'infra/main.tf',
    content: `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.70" }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-artifacts-\${var.env}"
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`,
  },
  {
    path: 'CHANGELOG.md',
    content: `# Changelog

## 2.8.1 - 2026-10-28
### Fixed
- Checkout no longer drops the discount code when the quantity changes (#1291).
- Date picker respects the user's locale.

## 2.8.0 - 2026-10-14
### Added
- Saved carts for signed-in users.
- Dark mode.
### Changed
- Upgraded to React 19.
`,
  },
  {
    path: 'SECURITY.md',
    content: `# Security policy

## Reporting a vulnerability

Please report vulnerabilities privately through GitHub security advisories, not in public issues. We reply within two business days.

## Secrets

- Never commit your \`.env\` file or any credentials. Use \`.env.example\` with placeholder values.
- Secrets live in Vault; CI reads them through OIDC, never from repository variables.
- If a secret leaks, rotate it first, then clean the history.

## Supported versions

Only the latest minor release receives security fixes.
`,
  },
  {
    path: 'docs/api.md',
    content: `# REST API

All requests need a token in the \`Authorization\` header:

\`\`\`sh
curl -H "Authorization: Bearer $ACME_TOKEN" https://api.acme.dev/v1/projects
\`\`\`

## List projects

\`GET /v1/projects?page=1&per_page=50\`

Returns \`200\` with \`{ "data": [...], "next_page": 2 }\`.

## Errors

Errors use RFC 9457 problem details: \`{ "type", "title", "status", "detail" }\`.
`,
  },
  {
    path: 'pyproject.toml',
    content: `[project]
name = "acme-etl"
version = "1.6.0"
requires-python = ">=3.11"
dependencies = ["pandas>=2.2", "sqlalchemy>=2.0", "httpx>=0.27"]

[project.optional-dependencies]
dev = ["pytest>=8", "ruff>=0.6", "mypy>=1.11"]

[tool.ruff]
line-length = 100
select = ["E", "F", "I", "B", "UP"]
`,
  },
  {
    path: 'tsconfig.json',
    content: `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "rootDir": "src",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "paths": { "@/*": ["./src/*"] }
  },
  "include": ["src"],
  "exclude": ["**/*.test.ts"]
}
`,
  },
  {
    path: 'requirements.txt',
    content: `fastapi==0.115.2
uvicorn[standard]==0.32.0
sqlalchemy==2.0.36
psycopg[binary]==3.2.3
pydantic-settings==2.6.0
httpx==0.27.2
`,
  },
  {
    path: 'go.mod',
    content: `module github.com/acme/pipeline

go 1.23

require (
	github.com/jackc/pgx/v5 v5.7.1
	github.com/nats-io/nats.go v1.37.0
	golang.org/x/sync v0.8.0
)
`,
  },
  {
    path: 'notebooks/churn.ipynb',
    content: `{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Churn analysis\\n", "Accounts that cancelled in Q3, by plan."]},
  {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["free        412\\n", "team        131\\n", "enterprise    9\\n"]}], "source": ["df = pd.read_sql('SELECT plan, count(*) FROM cancellations GROUP BY plan', engine)\\n", "print(df.to_string(index=False))"]}
 ],
 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
`,
  },
  {
    path: 'schema.graphql',
    content: `type Query {
  project(id: ID!): Project
  projects(first: Int = 20, after: String): ProjectConnection!
}

type Project {
  id: ID!
  name: String!
  owner: User!
  updatedAt: DateTime!
}

type Mutation {
  archiveProject(id: ID!): Project
}
`,
  },
  {
    path: 'proto/orders/v1/orders.proto',
    content: `syntax = "proto3";

package orders.v1;

service OrderService {
  rpc GetOrder(GetOrderRequest) returns (Order);
  rpc ListOrders(ListOrdersRequest) returns (ListOrdersResponse);
}

message Order {
  int64 id = 1;
  string status = 2;
  int64 total_cents = 3;
}

message GetOrderRequest { int64 id = 1; }
message ListOrdersRequest { string status = 1; int32 page_size = 2; string page_token = 3; }
message ListOrdersResponse { repeated Order orders = 1; string next_page_token = 2; }
`,
  },
  {
    path: 'ansible/playbooks/web.yml',
    content: `- hosts: web
  become: true
  tasks:
    - name: Install nginx
      ansible.builtin.apt:
        name: nginx
        state: present
        update_cache: true
    - name: Deploy site config
      ansible.builtin.template:
        src: ../templates/site.conf.j2
        dest: /etc/nginx/sites-available/shop.conf
      notify: reload nginx
  handlers:
    - name: reload nginx
      ansible.builtin.service:
        name: nginx
        state: reloaded
`,
  },
  {
    path: 'charts/api/values.yaml',
    content: `replicaCount: 3
image:
  repository: ghcr.io/acme/api
  tag: "1.42.0"
env:
  LOG_LEVEL: info
  DATABASE_URL:
    valueFrom:
      secretKeyRef:
        name: api-credentials
        key: database-url
ingress:
  enabled: true
  hosts:
    - host: api.acme.dev
      paths: ["/"]
`,
  },
  {
    path: 'README.md',
    content: `# Acme Shop

The storefront and checkout for shop.acme.dev.

## Getting started

\`\`\`sh
cp .env.example .env   # fill in local values; never commit .env
docker compose up -d db
npm ci
npm run dev
\`\`\`

Open http://localhost:3000.

## Project layout

- \`src/\` application code
- \`migrations/\` SQL migrations, applied with \`npm run migrate\`
- \`../shared/\` design docs shared with the API repo

## Contributing

See CONTRIBUTING.md. Run \`npm test\` before opening a pull request.
`,
  },
  {
    path: 'config/nvim/init.lua',
    content: `vim.opt.number = true
vim.opt.relativenumber = true
vim.opt.expandtab = true
vim.opt.shiftwidth = 2

vim.keymap.set('n', '<leader>ff', function() require('telescope.builtin').find_files() end)
vim.keymap.set('n', '<leader>fg', function() require('telescope.builtin').live_grep() end)
`,
  },
];
