import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';

/** Benign look-alikes: relative paths with `..` that stay inside a project, ordinary absolute paths. */
export function pathTraversalNearMisses(): Draft[] {
  const paths: readonly [string, string][] = [
    ['read_file', '../README.md'],
    ['read_file', '../shared/ARCHITECTURE.md'],
    ['read_file', 'packages/web/../api/src/index.ts'],
    ['read_file', '../../tsconfig.base.json'],
    ['read_file', './src/components/../lib/format-date.ts'],
    ['list_directory', '..'],
    ['read_file', '/home/alice/projects/webapp/src/app.ts'],
    ['read_file', 'C:\\Users\\bob\\Documents\\Q3 planning.docx'],
    ['read_file', 'docs/security/path-traversal.md'],
    ['read_file', '/tmp/build-output-4821.log'],
    ['write_file', 'src/routes/../middleware/auth.ts'],
    ['read_file', '~/projects/api/.env.example'],
    ['search_files', '/Users/tomoko/code/mobile-app'],
    ['read_file', 'node_modules/.bin/tsc'],
    ['read_file', 'test/fixtures/../snapshots/render.snap'],
    ['read_file', '/etc/nginx/sites-available/shop.conf'],
    ['read_file', '/var/log/nginx/error.log'],
    ['get_file_contents', '../../packages/ui/src/index.ts'],
    ['read_file', 'D:\\Projects\\game\\Assets\\Scripts\\Player.cs'],
    ['read_file', '.ssh-config.example'],
  ];
  return paths.map(([tool, path], i) => ({
    note: `near miss path_traversal: ordinary path ${path}`,
    event: toolCall(
      tool,
      tool === 'write_file'
        ? { path, content: "export { requireAuth } from './require-auth.js';\n" }
        : { path },
      ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
    ),
  }));
}
