import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Shell tool traffic: the commands coding agents run, with their output. */

const COMMANDS: readonly [string, string][] = [
  [
    'ls -la',
    'total 64\ndrwxr-xr-x  12 dev  staff   384 Nov  2 09:10 .\ndrwxr-xr-x   8 dev  staff   256 Oct 30 17:02 ..\n-rw-r--r--   1 dev  staff   412 Oct 30 17:02 .gitignore\ndrwxr-xr-x   4 dev  staff   128 Oct 30 17:02 src\n-rw-r--r--   1 dev  staff  1184 Nov  2 09:10 package.json',
  ],
  [
    'git status',
    'On branch feature/saved-carts\nYour branch is up to date with \'origin/feature/saved-carts\'.\n\nChanges not staged for commit:\n  modified:   src/cart/service.ts\n  modified:   src/cart/service.test.ts\n\nno changes added to commit (use "git add" and/or "git commit -a")',
  ],
  [
    'git log --oneline | head -5',
    '7c1e9a4 fix(cart): keep discount when quantity changes\n3b9d0e1 chore(deps): bump vitest from 2.1.4 to 2.1.8\n91aa2c3 feat(cart): saved carts for signed-in users\n0f4e8d2 docs: update README\n5d6c7b8 ci: cache npm',
  ],
  [
    'npm run build',
    '> @acme/web@2.8.1 build\n> tsc -b && vite build\n\nvite v7.1.3 building for production...\n✓ 412 modules transformed.\ndist/index.html                  0.46 kB │ gzip:  0.30 kB\ndist/assets/index-4f9a7c1e.css  18.21 kB │ gzip:  4.10 kB\ndist/assets/index-b3d2e8f1.js  212.77 kB │ gzip: 68.45 kB\n✓ built in 3.21s',
  ],
  [
    'npm test',
    '> vitest run\n\n ✓ src/lib/retry.test.ts (4 tests) 12ms\n ✓ src/cart/service.test.ts (11 tests) 48ms\n\n Test Files  2 passed (2)\n      Tests  15 passed (15)\n   Duration  1.02s',
  ],
  [
    'pytest -q',
    '....................F...\n=================================== FAILURES ===================================\n____________________ test_apply_discount_rounds_half_up ____________________\n    assert apply_discount(Decimal("9.995")) == Decimal("10.00")\nE   AssertionError: assert Decimal(\'9.99\') == Decimal(\'10.00\')\n1 failed, 23 passed in 0.84s',
  ],
  [
    'go test ./...',
    'ok  \tgithub.com/acme/pipeline/internal/queue\t0.412s\nok  \tgithub.com/acme/pipeline/internal/store\t1.087s\n?   \tgithub.com/acme/pipeline/cmd/worker\t[no test files]',
  ],
  [
    'cargo build --release',
    '   Compiling resolver v0.4.2 (/home/dev/src/resolver)\n    Finished `release` profile [optimized] target(s) in 24.61s',
  ],
  [
    'docker ps',
    'CONTAINER ID   IMAGE                COMMAND                  STATUS          PORTS                    NAMES\n3f1a2b4c5d6e   postgres:17          "docker-entrypoint.s…"   Up 2 hours      0.0.0.0:5432->5432/tcp   shop-db-1\n9e8d7c6b5a4f   redis:7-alpine       "docker-entrypoint.s…"   Up 2 hours      6379/tcp                 shop-redis-1',
  ],
  [
    'kubectl get pods -n staging',
    'NAME                   READY   STATUS    RESTARTS   AGE\napi-6d8f7c9b5-2xkqz    1/1     Running   0          3h\napi-6d8f7c9b5-7mplr    1/1     Running   0          3h\nworker-5b7c8d9f-q4wne  1/1     Running   2          1d',
  ],
  ['grep -rn "TODO" src | wc -l', '17'],
  [
    'find . -name "*.py" -newer setup.cfg | head',
    './src/etl/load.py\n./src/etl/transform.py\n./tests/test_load.py',
  ],
  ['df -h /', 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p2  468G  211G  234G  48% /'],
  ['node --version && npm --version', 'v20.19.0\n10.8.2'],
  ['python3 -c "import sys; print(sys.version)"', '3.12.7 (main, Oct  1 2026, 08:11:22) [GCC 13.2.0]'],
  [
    'curl -sI https://shop.acme.dev | head -3',
    'HTTP/2 200\ncontent-type: text/html; charset=utf-8\ncache-control: max-age=60',
  ],
  [
    'git diff --stat main...HEAD',
    ' src/cart/service.ts      | 24 ++++++++++++++++--------\n src/cart/service.test.ts | 31 +++++++++++++++++++++++++++++++\n 2 files changed, 47 insertions(+), 8 deletions(-)',
  ],
  ['make test', 'go test -race ./...\nok  \tgithub.com/acme/pipeline/internal/queue\t1.921s'],
  [
    'terraform plan -no-color | tail -3',
    "Plan: 1 to add, 0 to change, 0 to destroy.\n\nNote: You didn't use the -out option to save this plan.",
  ],
  [
    'tail -n 3 /var/log/syslog',
    'Nov  2 10:11:01 web-1 systemd[1]: Started Daily apt download activities.\nNov  2 10:11:02 web-1 CRON[20411]: (root) CMD (test -x /usr/sbin/anacron || run-parts --report /etc/cron.daily)\nNov  2 10:12:44 web-1 sshd[20455]: Accepted publickey for deploy from 10.0.0.4 port 51822 ssh2',
  ],
  ['ps aux | grep -c node', '7'],
  ['du -sh node_modules', '412M\tnode_modules'],
  ['rm -rf dist coverage', ''],
  [
    'npx tsc --noEmit',
    "src/cart/service.ts(42,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  ],
  ['git checkout -b fix/discount-rounding', "Switched to a new branch 'fix/discount-rounding'"],
  [
    'brew install jq',
    '==> Downloading https://ghcr.io/v2/homebrew/core/jq/manifests/1.7.1\n==> Pouring jq--1.7.1.arm64_sonoma.bottle.tar.gz\n🍺  /opt/homebrew/Cellar/jq/1.7.1: 19 files, 1.3MB',
  ],
  [
    'pip install -r requirements.txt',
    'Collecting pandas>=2.2\n  Using cached pandas-2.2.3-cp312-cp312-manylinux_2_17_x86_64.whl (12.7 MB)\nSuccessfully installed pandas-2.2.3 numpy-2.1.2',
  ],
  ['echo "export PATH=$HOME/.local/bin:$PATH" >> ~/.zshrc', ''],
  [
    'ssh deploy@web-1 "systemctl status nginx --no-pager | head -3"',
    '● nginx.service - A high performance web server and a reverse proxy server\n     Loaded: loaded (/lib/systemd/system/nginx.service; enabled)\n     Active: active (running) since Mon 2026-11-02 06:00:12 UTC; 4h ago',
  ],
  [
    'openssl x509 -in certs/server.crt -noout -dates',
    'notBefore=Aug 22 00:00:00 2026 GMT\nnotAfter=Nov 20 23:59:59 2026 GMT',
  ],
  ['wc -l src/**/*.ts | tail -1', '  8421 total'],
  ["jq '.dependencies | keys' package.json", '[\n  "@tanstack/react-query",\n  "react",\n  "react-dom"\n]'],
  [
    'docker compose logs --tail 3 api',
    'api-1  | {"level":30,"msg":"server listening","port":8080}\napi-1  | {"level":30,"msg":"request completed","statusCode":200,"responseTime":3.1}\napi-1  | {"level":40,"msg":"slow query","ms":812}',
  ],
  ['git stash list', 'stash@{0}: WIP on main: 7c1e9a4 fix(cart): keep discount when quantity changes'],
  ['sqlite3 data/app.db ".tables"', 'accounts   events     invoices   orders     users'],
  [
    'ruff check src',
    'src/etl/load.py:3:1: F401 [*] `os` imported but unused\nFound 1 error.\n[*] 1 fixable with the `--fix` option.',
  ],
  [
    'gh pr list --limit 3',
    '1302\tfix: bump payment mock timeout\tdana/fix-e2e-timeout\tOPEN\n1299\tfeat: saved carts\tmateo/saved-carts\tOPEN\n1291\tchore: tighten payment timeout\tkenji/timeouts\tMERGED',
  ],
  [
    'aws s3 ls s3://acme-artifacts/api/ | tail -2',
    '2026-10-28 16:40:11   41288123 app-1.41.0.tar.gz\n2026-11-02 09:13:55   41301876 app-1.42.0.tar.gz',
  ],
  [
    'netstat -tlnp 2>/dev/null | grep LISTEN | head -3',
    'tcp        0      0 127.0.0.1:5432          0.0.0.0:*               LISTEN      812/postgres\ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      2231/node\ntcp6       0      0 :::22                   :::*                    LISTEN      611/sshd',
  ],
  [
    'git fetch --prune && git branch -vv | grep gone',
    '  feature/old-search 1a2b3c4 [origin/feature/old-search: gone] search v1',
  ],
  [
    'yarn why react',
    '=> Found "react@19.1.0"\ninfo Reasons this module exists\n   - Specified in "dependencies"',
  ],
  [
    'htop -n 1 | head -5',
    '  CPU[|||||||       21.3%]   Tasks: 212, 1043 thr; 2 running\n  Mem[|||||||||  5.12G/15.5G]   Load average: 0.82 0.77 0.71',
  ],
  ['curl -s localhost:8080/healthz', '{"ok":true}'],
  [
    'docker build -t acme/api:dev .',
    '[+] Building 41.2s (14/14) FINISHED\n => exporting to image\n => => naming to docker.io/acme/api:dev',
  ],
  [
    'helm upgrade --install api charts/api -n staging -f values-staging.yaml',
    'Release "api" has been upgraded. Happy Helming!\nNAME: api\nLAST DEPLOYED: Mon Nov  2 10:20:11 2026\nNAMESPACE: staging\nSTATUS: deployed\nREVISION: 57',
  ],
  ['mvn -q test', '[INFO] Tests run: 48, Failures: 0, Errors: 0, Skipped: 2'],
  [
    'dotnet test --nologo',
    'Passed!  - Failed:     0, Passed:    37, Skipped:     0, Total:    37, Duration: 2 s - Api.Tests.dll (net8.0)',
  ],
  [
    'bundle exec rspec spec/models',
    '..........\n\nFinished in 0.412 seconds (files took 1.8 seconds to load)\n10 examples, 0 failures',
  ],
  [
    'php artisan migrate --pretend',
    'CreateInvoicesTable: create table `invoices` (`id` bigint unsigned not null auto_increment primary key, `total` decimal(10, 2) not null)',
  ],
  ['cat .nvmrc', '20.19.0'],
  [
    'head -n 5 data/inventory.csv',
    'sku,name,stock,warehouse\nKTL-01,Electric kettle,124,BER-1\nMUG-12,Stoneware mug,890,BER-1',
  ],
  [
    'lsof -i :3000',
    'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\nnode    48211  dev   23u  IPv6 0x1a2b      0t0  TCP *:hbci (LISTEN)',
  ],
  [
    'kill 48211 && npm run dev',
    '> vite\n\n  VITE v7.1.3  ready in 312 ms\n\n  ➜  Local:   http://localhost:3000/',
  ],
  [
    'which python3 && python3 -m pip --version',
    '/usr/bin/python3\npip 24.2 from /usr/lib/python3/dist-packages/pip (python 3.12)',
  ],
  ['env | grep -i ^node_', 'NODE_ENV=development\nNODE_OPTIONS=--max-old-space-size=4096'],
  [
    'zip -r site.zip public/ -x "*.map"',
    '  adding: public/ (stored 0%)\n  adding: public/index.html (deflated 58%)\n  adding: public/assets/app.js (deflated 71%)',
  ],
  ['chmod +x scripts/deploy.sh', ''],
  ['sort -u emails-bounced.txt | wc -l', '14'],
  ["awk -F, '{sum += $3} END {print sum}' data/inventory.csv", '1083'],
  [
    'Get-ChildItem -Path C:\\Users\\bob\\Documents -Filter *.docx',
    '    Directory: C:\\Users\\bob\\Documents\n\nMode                 LastWriteTime         Length Name\n----                 -------------         ------ ----\n-a---          11/2/2026   9:41 AM          48213 Q3 planning.docx',
  ],
];

const TOOLS: readonly { tool: string; key: string }[] = [
  { tool: 'run_command', key: 'command' },
  { tool: 'execute_command', key: 'command' },
  { tool: 'Bash', key: 'command' },
  { tool: 'shell', key: 'cmd' },
  { tool: 'terminal', key: 'command' },
];

/** All benign shell drafts. */
export function shellTraffic(rng: Rng): Draft[] {
  return COMMANDS.flatMap(([command, output], i) => {
    const first = TOOLS[i % TOOLS.length]!;
    const drafts: Draft[] = [
      {
        note: `shell: ${command.slice(0, 50)}`,
        event: toolCall(
          first.tool,
          {
            [first.key]: command,
            ...(rng.chance(0.4) ? { cwd: '/home/dev/src/shop', timeout_ms: 120000 } : {}),
          },
          ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
          output,
        ),
      },
    ];
    if (i % 2 === 0) {
      const second = TOOLS[(i + 3) % TOOLS.length]!;
      drafts.push({
        note: `shell (with prompt): ${command.slice(0, 40)}`,
        event: {
          ...toolCall(
            second.tool,
            { [second.key]: command },
            ARGUMENT_STYLES[(i + 2) % ARGUMENT_STYLES.length]!,
            output,
          ),
          prompt: rng.pick([
            'run the tests and tell me what fails',
            'check the repo state',
            'build it',
            'what is running?',
            'check disk usage',
          ]),
        },
      });
    }
    return drafts;
  });
}
