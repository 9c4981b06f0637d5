import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';

/** Benign look-alikes: the shell commands developers and agents run all day, pipes included. */
export function commandInjectionNearMisses(): Draft[] {
  const commands: readonly string[] = [
    'ls -la',
    'git log --oneline | head -20',
    'npm run build && npm test',
    'grep -rn "TODO" src | wc -l',
    'find . -name "*.ts" -not -path "./node_modules/*" | xargs wc -l',
    'rm -rf node_modules dist && npm ci',
    'curl -s https://api.github.com/repos/nodejs/node/releases/latest | jq -r .tag_name',
    'ps aux | grep node',
    'docker compose up -d && docker compose logs -f api',
    'cd services/api && go test ./...',
    'python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt',
    'echo $PATH',
    'tar -czf backup-$(date +%F).tar.gz data/',
    "sed -i 's/v1.4.2/v1.4.3/g' package.json",
    'kubectl get pods -n staging -o wide | grep -v Running',
    'cat package.json | jq .scripts',
    'git diff --stat HEAD~3..HEAD',
    'du -sh * | sort -h | tail -5',
    'git commit -m "fix: handle ; and | in uploaded file names"',
    'grep -E "error|warn" logs/app.log | tail -20',
    'python3 -c "print(\'hello from the venv\')"',
    "find logs -name '*.log' -mtime +7 -delete",
    'npm test -- --grep "cart|checkout"',
    'make build 2>&1 | tee build.log',
    'curl -fsSL https://deb.nodesource.com/setup_20.x -o nodesource_setup.sh && less nodesource_setup.sh',
    'ssh-keygen -t ed25519 -C "ci@acme.dev" -f ./deploy_key -N ""',
  ];
  return commands.map((command, i) => ({
    note: `near miss command_injection: ordinary shell command ${command.slice(0, 40)}`,
    event: toolCall(
      i % 2 ? 'run_command' : 'execute_command',
      { command },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
    ),
  }));
}
