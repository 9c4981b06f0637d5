/**
 * Source files of ordinary projects, in many languages. Several contain what naive detectors trip
 * on: `subprocess`, SQL strings, `..` in path joins, env var names of secrets, injection strings
 * in a security test.
 */
export interface SourceFile {
  readonly path: string;
  readonly content: string;
}

export const SOURCE_FILES: readonly SourceFile[] = [
  {
    path: 'src/server.ts',
    content: `import Fastify from 'fastify';
import { registerRoutes } from './routes/index.js';
import { loadConfig } from './config.js';

const config = loadConfig(process.env);
const app = Fastify({ logger: { level: config.logLevel } });

await registerRoutes(app, config);

app.get('/healthz', async () => ({ ok: true }));

try {
  await app.listen({ port: config.port, host: '0.0.0.0' });
} catch (err) {
  app.log.error(err);
  process.exit(1);
}
`,
  },
  {
    path: 'src/lib/retry.ts',
    content: `/** Retries an async operation with exponential backoff and full jitter. */
export async function retry<T>(fn: () => Promise<T>, attempts = 5, baseMs = 100): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      const delay = Math.random() * baseMs * 2 ** i;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw lastError;
}
`,
  },
  {
    path: 'src/components/Button.tsx',
    content: `import type { ButtonHTMLAttributes } from 'react';
import clsx from 'clsx';

type Variant = 'primary' | 'secondary' | 'danger';

export function Button({ variant = 'primary', className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      className={clsx('rounded-md px-3 py-1.5 text-sm font-medium', {
        'bg-indigo-600 text-white hover:bg-indigo-500': variant === 'primary',
        'bg-white text-gray-900 ring-1 ring-gray-300': variant === 'secondary',
        'bg-red-600 text-white hover:bg-red-500': variant === 'danger',
      }, className)}
      {...props}
    />
  );
}
`,
  },
  {
    path: 'app/models/user.rb',
    content: `class User < ApplicationRecord
  has_secure_password
  has_many :orders, dependent: :destroy

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  normalizes :email, with: ->(email) { email.strip.downcase }

  scope :active, -> { where(deactivated_at: nil) }
  scope :recent, -> { where("created_at > ?", 30.days.ago).order(created_at: :desc) }

  def display_name
    [first_name, last_name].compact.join(" ").presence || email
  end
end
`,
  },
  {
    path: 'cmd/worker/main.go',
    content: `package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/acme/pipeline/internal/queue"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	q, err := queue.Connect(ctx, os.Getenv("QUEUE_URL"))
	if err != nil {
		slog.Error("connect queue", "err", err)
		os.Exit(1)
	}
	defer q.Close()

	if err := q.Consume(ctx, handle); err != nil && ctx.Err() == nil {
		slog.Error("consume", "err", err)
		os.Exit(1)
	}
}
`,
  },
  {
    path: 'src/lib.rs',
    content: `use std::collections::HashMap;

/// A tiny LRU cache used by the resolver.
pub struct Lru<V> {
    capacity: usize,
    tick: u64,
    entries: HashMap<String, (u64, V)>,
}

impl<V: Clone> Lru<V> {
    pub fn new(capacity: usize) -> Self {
        Self { capacity, tick: 0, entries: HashMap::new() }
    }

    pub fn get(&mut self, key: &str) -> Option<V> {
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(key).map(|(t, v)| {
            *t = tick;
            v.clone()
        })
    }

    pub fn put(&mut self, key: String, value: V) {
        if self.entries.len() >= self.capacity {
            if let Some(oldest) = self.entries.iter().min_by_key(|(_, (t, _))| *t).map(|(k, _)| k.clone()) {
                self.entries.remove(&oldest);
            }
        }
        self.tick += 1;
        self.entries.insert(key, (self.tick, value));
    }
}
`,
  },
  {
    path: 'scripts/backup.py',
    content: `#!/usr/bin/env python3
"""Nightly database backup: pg_dump to a gzip file, then upload to the backup bucket."""
import datetime
import os
import subprocess

BUCKET = os.environ.get("BACKUP_BUCKET", "acme-db-backups")


def main() -> None:
    stamp = datetime.date.today().isoformat()
    out = f"/tmp/app-{stamp}.sql.gz"
    dump = subprocess.Popen(["pg_dump", "--no-owner", os.environ["DATABASE_URL"]], stdout=subprocess.PIPE)
    with open(out, "wb") as fh:
        subprocess.run(["gzip", "-c"], stdin=dump.stdout, stdout=fh, check=True)
    dump.wait()
    subprocess.run(["aws", "s3", "cp", out, f"s3://{BUCKET}/daily/"], check=True)
    os.remove(out)


if __name__ == "__main__":
    main()
`,
  },
  {
    path: 'scripts/deploy.sh',
    content: `#!/usr/bin/env bash
set -euo pipefail

VERSION="\${1:?usage: deploy.sh <version>}"
cd "$(dirname "$0")/.."

rm -rf dist
npm ci --no-audit
npm run build
docker build -t "ghcr.io/acme/api:$VERSION" .
docker push "ghcr.io/acme/api:$VERSION"
kubectl -n prod set image deploy/api api="ghcr.io/acme/api:$VERSION"
kubectl -n prod rollout status deploy/api --timeout=300s
echo "deployed $VERSION"
`,
  },
  {
    path: 'src/main/java/com/acme/orders/OrderController.java',
    content: `package com.acme.orders;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private final OrderRepository repository;

    public OrderController(OrderRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/{id}")
    public ResponseEntity<Order> get(@PathVariable long id) {
        return repository.findById(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping
    public List<Order> search(@RequestParam String status) {
        // Spring Data derives: SELECT o FROM Order o WHERE o.status = ?1
        return repository.findByStatusOrderByCreatedAtDesc(status);
    }
}
`,
  },
  {
    path: 'Api/Program.cs',
    content: `var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<AppDb>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Default")));
var app = builder.Build();

app.MapGet("/todos", async (AppDb db) => await db.Todos.Where(t => !t.Done).ToListAsync());
app.MapPost("/todos", async (Todo todo, AppDb db) =>
{
    db.Todos.Add(todo);
    await db.SaveChangesAsync();
    return Results.Created($"/todos/{todo.Id}", todo);
});

app.Run();
`,
  },
  {
    path: 'routes/web.php',
    content: `<?php

use App\\Http\\Controllers\\InvoiceController;
use Illuminate\\Support\\Facades\\Route;

Route::middleware(['auth', 'verified'])->group(function () {
    Route::get('/invoices', [InvoiceController::class, 'index'])->name('invoices.index');
    Route::get('/invoices/{invoice}', [InvoiceController::class, 'show'])->name('invoices.show');
    Route::post('/invoices/{invoice}/send', [InvoiceController::class, 'send'])->name('invoices.send');
});
`,
  },
  {
    path: 'styles/main.css',
    content: `:root {
  --brand: #4f46e5;
  --text: #111827;
  --muted: #6b7280;
}

/* Layout */
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--text); }
.container { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.hidden { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }

@media (prefers-color-scheme: dark) {
  :root { --text: #f9fafb; --muted: #9ca3af; }
  body { background: #0b0f19; }
}
`,
  },
  {
    path: 'migrations/20261101120000_create_orders.sql',
    content: `-- Orders and their line items.
CREATE TABLE orders (
  id           BIGSERIAL PRIMARY KEY,
  customer_id  BIGINT NOT NULL REFERENCES customers(id),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
  total_cents  INTEGER NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
  order_id  BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  sku       TEXT NOT NULL,
  quantity  INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, sku)
);

CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC);
`,
  },
  {
    path: 'src/db/queries.ts',
    content: `import type { Pool } from 'pg';

export async function findCustomers(pool: Pool, search: string, limit = 20) {
  const { rows } = await pool.query(
    \`SELECT id, name, email
       FROM customers
      WHERE name ILIKE '%' || $1 || '%'
      ORDER BY name
      LIMIT $2\`,
    [search, limit],
  );
  return rows;
}

export async function markShipped(pool: Pool, orderId: number) {
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [orderId]);
}
`,
  },
  {
    path: 'tests/test_search.py',
    content: `import pytest

from shop.search import search_products


@pytest.mark.parametrize(
    "term",
    [
        "laptop",
        "O'Reilly",
        "' OR 1=1 --",
        "50% off",
    ],
)
def test_search_treats_input_as_data(db, term):
    # The query is parameterized, so quotes and SQL keywords are matched literally.
    results = search_products(db, term)
    assert all(term.lower() in r.name.lower() for r in results)
`,
  },
  {
    path: 'src/config/paths.ts',
    content: `import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root, two levels up from src/config. */
export const ROOT = resolve(here, '..', '..');
export const CONFIG_DIR = join(ROOT, 'config');
export const FIXTURES = join(here, '../../test/fixtures');
export const PUBLIC_DIR = join(ROOT, 'public');
`,
  },
  {
    path: 'src/hooks/useDebounce.ts',
    content: `import { useEffect, useState } from 'react';

/** Returns \`value\` after it has stopped changing for \`delayMs\`. */
export function useDebounce<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return debounced;
}
`,
  },
  {
    path: 'Sources/App/WeatherClient.swift',
    content: `import Foundation

struct Forecast: Decodable {
    let date: String
    let maxC: Double
    let minC: Double
}

final class WeatherClient {
    private let session: URLSession
    init(session: URLSession = .shared) { self.session = session }

    func forecast(lat: Double, lon: Double) async throws -> [Forecast] {
        var components = URLComponents(string: "https://api.weather.example.com/v1/forecast")!
        components.queryItems = [.init(name: "lat", value: "\\(lat)"), .init(name: "lon", value: "\\(lon)")]
        let (data, _) = try await session.data(from: components.url!)
        return try JSONDecoder().decode([Forecast].self, from: data)
    }
}
`,
  },
  {
    path: 'app/src/main/kotlin/com/acme/notes/NoteRepository.kt',
    content: `package com.acme.notes

import kotlinx.coroutines.flow.Flow

class NoteRepository(private val dao: NoteDao) {
    fun observeAll(): Flow<List<Note>> = dao.observeAll()

    suspend fun save(note: Note) {
        require(note.title.isNotBlank()) { "title must not be blank" }
        dao.upsert(note.copy(updatedAt = System.currentTimeMillis()))
    }

    suspend fun delete(id: Long) = dao.deleteById(id)
}
`,
  },
  {
    path: 'lib/shop/cart.ex',
    content: `defmodule Shop.Cart do
  @moduledoc "Pure functions over a cart map."

  def add(cart, sku, qty) when qty > 0 do
    Map.update(cart, sku, qty, &(&1 + qty))
  end

  def remove(cart, sku), do: Map.delete(cart, sku)

  def total(cart, prices) do
    Enum.reduce(cart, 0, fn {sku, qty}, acc -> acc + Map.fetch!(prices, sku) * qty end)
  end
end
`,
  },
  {
    path: 'src/ringbuf.c',
    content: `#include <stddef.h>
#include <string.h>

typedef struct {
    char buf[4096];
    size_t head, tail;
} ringbuf;

/* Copies up to len bytes in; returns how many fit. */
size_t rb_write(ringbuf *rb, const char *src, size_t len) {
    size_t n = 0;
    while (n < len && ((rb->head + 1) % sizeof rb->buf) != rb->tail) {
        rb->buf[rb->head] = src[n++];
        rb->head = (rb->head + 1) % sizeof rb->buf;
    }
    return n;
}
`,
  },
  {
    path: 'src/etl/load.py',
    content: `import pandas as pd
from sqlalchemy import create_engine, text


def load_daily_sales(url: str, day: str) -> pd.DataFrame:
    engine = create_engine(url)
    query = text(
        """
        SELECT s.store_id, st.region, SUM(s.amount) AS revenue
        FROM sales s
        JOIN stores st ON st.id = s.store_id
        WHERE s.sold_on = :day
        GROUP BY s.store_id, st.region
        """
    )
    with engine.connect() as conn:
        return pd.read_sql(query, conn, params={"day": day})
`,
  },
  {
    path: 'src/components/TodoList.vue',
    content: `<script setup lang="ts">
import { computed, ref } from 'vue';

const todos = ref<{ id: number; text: string; done: boolean }[]>([]);
const remaining = computed(() => todos.value.filter((t) => !t.done).length);
</script>

<template>
  <ul class="todo-list">
    <li v-for="todo in todos" :key="todo.id" :class="{ done: todo.done }">
      <input v-model="todo.done" type="checkbox" /> {{ todo.text }}
    </li>
  </ul>
  <p>{{ remaining }} left</p>
</template>

<style scoped>
.done { text-decoration: line-through; opacity: 0.6; }
</style>
`,
  },
  {
    path: 'lib/widgets/order_card.dart',
    content: `import 'package:flutter/material.dart';

class OrderCard extends StatelessWidget {
  const OrderCard({super.key, required this.orderId, required this.total});

  final String orderId;
  final double total;

  @override
  Widget build(BuildContext context) {
    return Card(
      child: ListTile(
        title: Text('Order #$orderId'),
        trailing: Text('\u20ac\${total.toStringAsFixed(2)}'),
      ),
    );
  }
}
`,
  },
];
