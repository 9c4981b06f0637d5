import type { DetectorMatch } from '../../detector.js';
import { isPassword } from './basic-auth.js';
import { findSecrets } from './find-secrets.js';

/**
 * Registry passwords given to `docker login` (and podman's and nerdctl's, which take the same
 * flags) on the command line: `docker login -u deploy -p S3cr3t registry.example.com`,
 * `--password S3cr3t`, `--password=S3cr3t`. `--password-stdin` reads the password from a pipe,
 * so it is no leak: a value starting `-` is never a password here. Only `-p` inside the login
 * command counts (`docker run -p 8080:80` publishes a port).
 */
const DOCKER_LOGIN_PASSWORD =
  /(?:^|[\s/;&|(`"'])(?:docker|podman|nerdctl) login(?=\s)[^\n;&|<>]{0,200}?\s(?:-p|--password)(?:[\s=]+|(?=[^\s-]))["']?([^\s"';&|-][^\s"';&|]{2,127})(?=["']?(?:\s|$|[;&|)]))/g;

/** Literals every match holds, for the engine's prefilter. */
export const DOCKER_LOGIN_TRIGGERS: readonly string[] = ['docker login', 'podman login', 'nerdctl login'];

export function findDockerLoginPasswords(text: string): DetectorMatch[] {
  if (!/(?:docker|podman|nerdctl) login/.test(text)) return [];
  return findSecrets(text, DOCKER_LOGIN_PASSWORD, 'password on a docker login command line', isPassword);
}
