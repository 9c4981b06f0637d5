import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAAS_TOKEN_PATTERN, saasPatternFor } from '../../src/detect/detectors/secrets/saas-tokens.js';
import { secretsDetectors } from '../../src/detect/detectors/secrets.js';
import type { FieldRole } from '../../src/detect/index.js';
import { detectChecked } from './trigger-check.js';

// Test secrets are assembled from parts so that secret scanners do not flag this file.
const j = (...parts: string[]) => parts.join('');
/** `${NAME}`, the template reference config files use instead of a value. */
const ref = (name: string) => `$${'{'}${name}}`;
const RAND36 = 'R8x2Kq9LmZ4vT7wN1bC5dF3hJ6pS0yU2aE4g';
const AWS_ID = j('AKIA', 'Q3RZ7T2MVX5KLP4N');
const AWS_SECRET = j('kT9mB2xQ7vR4', 'nL8pW3zY6cH1sJ5dF0gA', '2uE7iO9q');
const PEM_BODY =
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Vq3xZ5mK2nL8pW3zY6cH1sJ5dF0gA2uE7iO9qkT9mB2x';

function found(id: string, value: string, key = '', role: FieldRole = 'response'): string[] {
  const detector = secretsDetectors.find((d) => d.id === id);
  assert.ok(detector, `no detector ${id}`);
  const matches = detectChecked(detector, { path: 'x', key, role, value }, { tool: null, method: null });
  for (const m of matches) assert.equal(m.secret, true);
  return matches.map((m) => value.slice(m.start, m.end));
}

describe('secrets: cloud keys', () => {
  it('AWS access key id, but not the documented AKIAIOSFODNN7EXAMPLE', () => {
    assert.deepEqual(found('secrets.aws-access-key-id', `id=${AWS_ID};`), [AWS_ID]);
    assert.deepEqual(found('secrets.aws-access-key-id', j('AKIA', 'IOSFODNN7EXAMPLE')), []);
    assert.deepEqual(found('secrets.aws-access-key-id', 'AKIAXXXXXXXXXXXXXXXX'), []);
  });

  it('AWS secret access key by name or after its key id, not a bare 40-char string', () => {
    assert.deepEqual(found('secrets.aws-secret-access-key', `aws_secret_access_key = ${AWS_SECRET}\n`), [
      AWS_SECRET,
    ]);
    assert.deepEqual(found('secrets.aws-secret-access-key', `{"SecretAccessKey": "${AWS_SECRET}"}`), [
      AWS_SECRET,
    ]);
    assert.deepEqual(found('secrets.aws-secret-access-key', `${AWS_ID},${AWS_SECRET}`), [AWS_SECRET]);
    assert.deepEqual(found('secrets.aws-secret-access-key', `my AWS secret is ${AWS_SECRET} ok`), [
      AWS_SECRET,
    ]);
    assert.deepEqual(found('secrets.aws-secret-access-key', `commit ${AWS_SECRET}`), []);
    const example = j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY');
    assert.deepEqual(found('secrets.aws-secret-access-key', `aws_secret_access_key=${example}`), []);
  });

  it('GCP service account key file: the private_key value', () => {
    const key = `-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n`;
    const file = `{"type": "service_account", "project_id": "p", "private_key": "${key}", "client_email": "a@p.iam"}`;
    assert.deepEqual(found('secrets.gcp-service-account-key', file), [key]);
    assert.deepEqual(
      found('secrets.gcp-service-account-key', file.replace('service_account', 'authorized_user')),
      [],
    );
  });

  it('Google API key', () => {
    const key = j('AIza', 'SyD4xK9mQ2vL7nB3wR8tZ1cF6hJ0pY5sE2g');
    assert.deepEqual(found('secrets.google-api-key', `key=${key}&q=1`), [key]);
  });

  it('Azure storage connection string key and SAS signature', () => {
    const accountKey = j(
      'kT9mB2xQ7vR4nL8pW3zY6cH1sJ5dF0gA2uE7iO9q',
      'Lm3Xv8Rt2Zp6Wn1Yc4Hk7Jd0Fs5Ge9Ub3Ta8Qx2Mv6Rn1L==',
    );
    const conn = `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    assert.deepEqual(found('secrets.azure-storage-key', conn), [accountKey]);
    const sig = 'kT9mB2xQ7vR4nL8pW3zY6cH1sJ5dF0gA2uE7iO9qLm3%3D';
    const sas = `https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&sp=r&se=2026-01-01&sig=${sig}`;
    assert.deepEqual(found('secrets.azure-sas-token', sas), [sig]);
    assert.deepEqual(found('secrets.azure-storage-key', 'AccountKey=<your-account-key>'), []);
  });
});

describe('secrets: service tokens', () => {
  it('GitHub tokens of every prefix, not placeholders', () => {
    for (const prefix of ['ghp_', 'gho_', 'ghs_', 'ghu_']) {
      assert.deepEqual(found('secrets.github-token', `token ${prefix}${RAND36}.`), [`${prefix}${RAND36}`]);
    }
    const pat = j(
      'github_pat_',
      '11ABCDE7Q0x9mK2vL8nB3w',
      '_',
      'R8x2Kq9LmZ4vT7wN1bC5dF3hJ6pS0yU2aE4gkT9mB2xQ7vR4nL8pW3zY6cH',
    );
    assert.deepEqual(found('secrets.github-token', pat), [pat]);
    assert.deepEqual(found('secrets.github-token', j('ghp_', 'x'.repeat(36))), []);
    assert.deepEqual(found('secrets.github-token', j('ghp_', 'abcdefghijklmnopqrstuvwxyz0123456789')), []);
  });

  it('GitLab, Slack token and webhook, Stripe, npm', () => {
    const gl = j('glpat-', 'Xk9mQ2vL7nB3wR8tZ1cF');
    assert.deepEqual(found('secrets.gitlab-token', gl), [gl]);
    const slack = j('xoxb-', '2837492837-', '4829174628', '-Rk9mQ2vL7nB3wR8tZ1cF6hJ');
    assert.deepEqual(found('secrets.slack-token', `SLACK=${slack}`), [slack]);
    assert.deepEqual(found('secrets.slack-token', 'xoxb-your-bot-token-goes-here-please'), []);
    const hook = j('https://hooks.slack.com/services/', 'T0A1B2C3D/B4E5F6G7H/', 'Rk9mQ2vL7nB3wR8tZ1cF6hJ0');
    assert.deepEqual(found('secrets.slack-webhook', `post to ${hook}`), [hook]);
    const stripe = j('sk_', 'live_', '51Hx9KqR8mZ2vT7wN1bC5dF3hJ6p');
    assert.deepEqual(found('secrets.stripe-key', stripe), [stripe]);
    assert.deepEqual(found('secrets.stripe-key', j('pk_', 'live_', '51Hx9KqR8mZ2vT7wN1bC5dF3hJ6p')), []);
    const npm = j('npm_', RAND36);
    assert.deepEqual(found('secrets.npm-token', npm), [npm]);
    assert.deepEqual(found('secrets.npm-token', `//registry.npmjs.org/:_authToken=${ref('NPM_TOKEN')}`), []);
  });

  it('OpenAI and Anthropic keys, not sk-xxxxxxxx or slugs', () => {
    const openai = j('sk-proj-', 'Xk9mQ2vL7nB3wR8tZ1cF6hJ0pY5sE2gT3BlbkFJ', 'kT9mB2xQ7vR4nL8pW3zY');
    assert.deepEqual(found('secrets.openai-api-key', `OPENAI_API_KEY=${openai}`), [openai]);
    assert.deepEqual(found('secrets.openai-api-key', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), []);
    assert.deepEqual(found('secrets.openai-api-key', 'sk-learn-model-training-pipeline-final-version'), []);
    const anthropic = j(
      'sk-ant-',
      'api03-',
      'Xk9mQ2vL7nB3wR8tZ1cF6hJ0pY5sE2gkT9mB2xQ7vR4nL8pW3zY6cH1sJ5dF0gA-2uE7iO9qAA',
    );
    assert.deepEqual(found('secrets.anthropic-api-key', anthropic), [anthropic]);
    assert.deepEqual(found('secrets.openai-api-key', anthropic), []);
  });

  it('SaaS tokens with provider prefixes', () => {
    const hf = j('hf_', 'XkmQvLnBwRtZcFhJpYsEgTbkFJkTmBxQvR');
    assert.deepEqual(found('secrets.saas-api-token', `HF_TOKEN=${hf}`), [hf]);
  });

  it('Docker Hub and Terraform Cloud tokens', () => {
    const docker = 'dckr_pat_Q7vZ2mKp9XrT4bWn8LcY1sJhGd3';
    const terraform = `Ab3dE5fG7hJ9kL.atlasv1.${'Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdCbA9z8y7x6w5v4u3t2s1r0qPoNmLkJiHg'.slice(0, 66)}`;
    assert.deepEqual(found('secrets.saas-api-token', `DOCKER_TOKEN=${docker}`), [docker]);
    assert.deepEqual(found('secrets.saas-api-token', `token = "${terraform}"`), [terraform]);
  });
  it('SaaS tokens: the pattern narrowed to the triggers present finds what the full one finds', () => {
    const hf = j('hf_', 'XkmQvLnBwRtZcFhJpYsEgTbkFJkTmBxQvR');
    const mailgun = j('key-', '3f9a1c7e5b2d8f4a6c0e9b7d5f3a1c8e');
    const twilio = j('SK', '9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    const text = `HF=${hf}\nMAILGUN=${mailgun} SKU-12 key- hvs. TWILIO=${twilio}`;
    const all = (pattern: RegExp) => [...text.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m[0]);
    assert.deepEqual(all(saasPatternFor(text)!), all(SAAS_TOKEN_PATTERN));
    assert.deepEqual(all(SAAS_TOKEN_PATTERN), [hf, mailgun, twilio]);
    assert.equal(saasPatternFor('nothing that starts a token here, only text'), null);
    assert.deepEqual(found('secrets.saas-api-token', text), [hf, mailgun, twilio]);
  });
});

describe('secrets: keys, tokens and passwords in text', () => {
  it('PEM private key blocks, real and JSON-escaped, not a placeholder block', () => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`;
    assert.deepEqual(found('secrets.private-key', `key:\n${pem}\nend`), [pem]);
    const escaped = pem.replaceAll('\n', '\\n');
    assert.deepEqual(found('secrets.private-key', `{"k":"${escaped}"}`), [escaped]);
    assert.deepEqual(
      found('secrets.private-key', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'),
      [],
    );
    assert.deepEqual(
      found('secrets.private-key', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----'),
      [],
    );
  });

  it('JWT with a JSON header naming alg, not three random base64 parts', () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '123', name: 'Ann' })}.${'Xk9mQ2vL7nB3wR8tZ1cF6hJ0pY5sE2g'}`;
    assert.deepEqual(found('secrets.jwt', `Authorization: Bearer ${jwt}`), [jwt]);
    const noAlg = `${b64({ typ: 'JWT' })}.${b64({ sub: '1' })}.Xk9mQ2vL7nB3wR8tZ1cF`;
    assert.deepEqual(found('secrets.jwt', noAlg), []);
  });

  it('database URLs with a password, not templates or placeholders', () => {
    assert.deepEqual(
      found('secrets.connection-string-password', 'postgres://app:Zq8!rT2vLm@db.internal:5432/prod'),
      ['Zq8!rT2vLm'],
    );
    assert.deepEqual(
      found('secrets.connection-string-password', 'mongodb+srv://svc:h7Kp2Rx9Q@cluster0.mongodb.net/x'),
      ['h7Kp2Rx9Q'],
    );
    for (const benign of [
      'postgres://user:password@localhost/db',
      `postgres://user:${ref('DB_PASSWORD')}@localhost/db`,
      'mysql://root:<password>@127.0.0.1/x',
      'redis://:****@cache:6379',
      'https://example.com/path?x=1',
      'postgres://guest:guest@localhost/db',
    ]) {
      assert.deepEqual(found('secrets.connection-string-password', benign), [], benign);
    }
  });

  it('generic password= / api_key: assignments with generated values only', () => {
    assert.deepEqual(found('secrets.generic-assignment', 'DB_PASSWORD=Xk9#mQ2vL7nB'), ['Xk9#mQ2vL7nB']);
    assert.deepEqual(found('secrets.generic-assignment', '{"api_key": "a8Fk29xLq0Zr7TbW"}'), [
      'a8Fk29xLq0Zr7TbW',
    ]);
    for (const benign of [
      `password=${ref('DB_PASSWORD')}`,
      'api_key: <your-api-key>',
      'token = makeToken(user)',
      'max_tokens=4096',
      'password: changeme',
      'secret: my-secret-name',
      'password=hunter2',
    ]) {
      assert.deepEqual(found('secrets.generic-assignment', benign), [], benign);
    }
  });

  it('an argument whose own key names a secret', () => {
    assert.deepEqual(found('secrets.generic-assignment', 'Xk9#mQ2vL7nB', 'password', 'argument'), [
      'Xk9#mQ2vL7nB',
    ]);
    assert.deepEqual(found('secrets.generic-assignment', 'Xk9#mQ2vL7nB', 'comment', 'argument'), []);
  });

  it('ordinary text, code and JSON raise nothing', () => {
    const benign = [
      'Read the configuration file /etc/app/config.json and summarize it.',
      'SELECT id, name FROM users WHERE created_at > now() - interval 1 day',
      'const token = await getToken(); const apiKey = process.env.API_KEY;',
      '{"items": [{"id": "9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4", "sha": "3f2a9c1e7b4d8f06a5e2c9b1d7f3a8e4c6b2d9f1"}]}',
      'git clone https://github.com/acme/app.git && cd app && npm test',
    ];
    for (const value of benign) {
      for (const detector of secretsDetectors) {
        assert.deepEqual(found(detector.id, value), [], `${detector.id} on ${value}`);
      }
    }
  });
});

describe('secrets: Square, Telegram and age tokens', () => {
  const SAAS = 'secrets.saas-api-token';

  it('Square access tokens, EAAA and sq0atp-/sq0csp-', () => {
    const eaaa = j('EAAA', 'EOuLQObrVwJvCvoio3L7tHXuOhBVn9fp3eB8vbGgpa8rLkJQTaF5n6Y5tLqE1aZ7mN');
    assert.deepEqual(found(SAAS, `const square = '${eaaa}';`), [eaaa]);
    const eaaa60 = j('EAAA', 'oPP515MpjvbrEHufHNlDxiuvXZEokhyHsOxf-M2YE1PJS89AhU-3TLDwFCdn');
    assert.deepEqual(found(SAAS, `SQUARE_ACCESS_TOKEN=${eaaa60}`), [eaaa60]);
    const atp = j('sq0atp-', 'WAvVsqSRlv3GZdJF4BHiNM');
    assert.deepEqual(found(SAAS, `token: ${atp}`), [atp]);
  });

  it('not Facebook-like EAA tokens, words or short EAAA runs', () => {
    const random = 'oPP515MpjvbrEHufHNlDxiuvXZEokhyHsOxf-M2YE1PJS89AhU-3TLDwFCdn';
    for (const benign of [
      // Facebook user and page tokens: EAA and a letter, 100-250 characters.
      j('EAACEdEose0cBA', random, random, random),
      j('EAAA', random, random, random),
      j('EAAG', random),
      j('EAAA', 'thisisnotatokenjustaverylongidentifiernamethatgoesonforawhile'),
      j('EAAA', 'EOuLQObrVwJvCvoio3L7tHXuO'),
      'EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      assert.deepEqual(found(SAAS, `value ${benign} end`), [], benign);
    }
  });

  it('Telegram bot tokens, whatever digits the bot id holds', () => {
    const token = j('7012345678', ':AA', 'Hf3kX9vQ2mT8nP4sW1yZ6rB0cD5eF7gH9');
    assert.deepEqual(found(SAAS, `TELEGRAM_BOT_TOKEN=${token}`), [token]);
    const other = j('493817265', ':AA', 'WAvVsqSRlv3GZdJF4BHiNMcd4mDSNqzeg');
    assert.deepEqual(found(SAAS, `bot = "${other}"`), [other]);
  });

  it('not times, ratios, host:port strings or placeholder Telegram tokens', () => {
    for (const benign of [
      'started 12:30:45, finished 13:02:11, aspect ratio 16:9 and 1920:1080',
      'connect to db.internal:5432 or 10.0.0.12:8080/AAHealth',
      'build 20240115:AAfinal-release-candidate-2',
      j('7012345678', ':AA', 'Hf3kX9vQ2mT8nP4sW1yZ6rB0cD5eF7'),
      j('123456789', ':AA', 'x'.repeat(33)),
      j('123456789', ':AA', '<your-telegram-bot-token-here-ok>'),
    ]) {
      assert.deepEqual(found(SAAS, benign), [], benign);
    }
  });

  it('age secret keys, not placeholders or short ones', () => {
    const age = j('AGE-SECRET-KEY-1', 'S4LPAAA42JLMACT70E0ATK99VVQ02MNDR6EGDZGY7EAE4YA9M02A3ZHRUW');
    assert.deepEqual(found(SAAS, `# created: 2026-01-02\n${age}\n`), [age]);
    assert.deepEqual(found(SAAS, `{"sops_age_key": "${age}"}`), [age]);
    for (const benign of [
      j('AGE-SECRET-KEY-1', 'X'.repeat(58)),
      j('AGE-SECRET-KEY-1', 'S4LPAAA42JLMACT70E0ATK99VVQ02MNDR6EGDZGY7EAE'),
      'the file starts with AGE-SECRET-KEY-1 followed by the key in bech32',
    ]) {
      assert.deepEqual(found(SAAS, benign), [], benign);
    }
  });
});

describe('secrets: passwords on database and sshpass command lines', () => {
  const CLI = 'secrets.basic-auth';

  it('mysql -p<password>, --password=, sshpass -p and PGPASSWORD', () => {
    assert.deepEqual(found(CLI, "mysql -h db.internal -u root -p'S3cr3t!Passw0rd' orders"), [
      'S3cr3t!Passw0rd',
    ]);
    assert.deepEqual(found(CLI, 'mysqldump -uroot -pHunter2xyz9 shop > shop.sql'), ['Hunter2xyz9']);
    assert.deepEqual(found(CLI, 'mysql --password=Sup3rS3cret db'), ['Sup3rS3cret']);
    assert.deepEqual(found(CLI, "sshpass -p 'n0tMyRealPass' ssh deploy@host"), ['n0tMyRealPass']);
    assert.deepEqual(found(CLI, 'PGPASSWORD=Xk29pqLm psql -h db -U app'), ['Xk29pqLm']);
    assert.deepEqual(found(CLI, 'docker exec db mariadb -u app -p"Zq8rT2vLm" -e "select 1"'), ['Zq8rT2vLm']);
    assert.deepEqual(found(CLI, 'export MYSQL_PWD=Rk9mQ2vL7n; mysql -u app'), ['Rk9mQ2vL7n']);
  });

  it('not a bare -p that prompts, -P ports or -p of other programs', () => {
    for (const benign of [
      'mysql -u root -p',
      'mysql -u root -p orders',
      'mysql -p',
      'mysql -P 3306 -h db',
      'mysql --port=3306 --protocol=tcp -h db -u app -p shop',
      'mkdir -p build && cp -p a b',
      'ssh -p 2222 host',
      'docker run -p 8080:80 img',
      'mysql -h db -u app -p < dump.sql && mkdir -p backups/2026',
      'mysqldump -u app -p shop | ssh -p 2222 backup@host "cat > shop.sql"',
      'mysql -u root -p$MYSQL_ROOT_PASSWORD',
      "mysql -u root -p'<password>'",
      'sshpass -f ~/.ssh/pass ssh -p 2222 deploy@host',
      'sshpass -p "$SSHPASS" ssh deploy@host',
      `PGPASSWORD=${ref('DB_PASSWORD')} psql -h db`,
      'PGPASSWORD=$(cat /run/secrets/pg) psql -h db',
    ]) {
      assert.deepEqual(found(CLI, benign), [], benign);
    }
  });
});

describe('secrets: found where they used to be missed', () => {
  it('a private key in a JSON string inside a JSON string (line breaks escaped twice)', () => {
    const body = [
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
      'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
    ];
    const nl = '\\\\n';
    const key = j('-----BEGIN PRIVATE KEY-----', nl, body.join(nl), nl, '-----END PRIVATE KEY-----');
    const text = `{"config": "{\\"private_key\\": \\"${key}${nl}\\"}"}`;
    assert.deepEqual(found('secrets.private-key', text), [key]);
    const placeholder = j('-----BEGIN PRIVATE KEY-----', nl, '...', nl, '-----END PRIVATE KEY-----');
    assert.deepEqual(
      found('secrets.private-key', `{"config": "{\\"private_key\\": \\"${placeholder}\\"}"}`),
      [],
    );
  });

  it('an Azure storage connection string with a random 88-character AccountKey', () => {
    const accountKey = j(
      'DziKdHztmW8TKUYGyylZNAJSA5fyrJel55Jr9d6w+OlDYdkQ',
      'cdkShjDgBYRZaXubK+Hm4or4gf3z/MCnE1u36g==',
    );
    assert.equal(accountKey.length, 88);
    const conn = `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    assert.deepEqual(found('secrets.azure-storage-key', conn), [accountKey]);
    const repeated = conn.replace(accountKey, `${'A'.repeat(86)}==`);
    assert.deepEqual(found('secrets.azure-storage-key', repeated), []);
  });
});

describe('secrets: AWS secret keys next to "aws" that are documentation paths', () => {
  const AWS = 'secrets.aws-secret-access-key';
  const keyWithSlashes = j('vsmmyiSl/s7Nid/hBrck', 'A3LFCEDvk+otb2kWI30i');

  it('does not read a URL or a path of words as a key', () => {
    const url = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html';
    assert.deepEqual(found(AWS, url, 'url', 'argument'), []);
    assert.deepEqual(found(AWS, `See the AWS docs: ${url}`), []);
    assert.deepEqual(found(AWS, 'aws docs: docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata.'), []);
    assert.deepEqual(found(AWS, `aws: https://bucket.s3.amazonaws.com/${keyWithSlashes}`), []);
  });

  it('still finds random keys with / and + after "aws", "secret", a key id, or as a URL password', () => {
    assert.deepEqual(found(AWS, `my AWS secret is ${keyWithSlashes}`), [keyWithSlashes]);
    assert.deepEqual(found(AWS, `secret: ${keyWithSlashes}`), [keyWithSlashes]);
    assert.deepEqual(found(AWS, `${AWS_ID}:${keyWithSlashes}`), [keyWithSlashes]);
    assert.deepEqual(found(AWS, `aws s3 sync . s3://backup:${keyWithSlashes}@bucket`), [keyWithSlashes]);
  });
});

describe('secrets: Mailchimp, Okta and Firebase Cloud Messaging keys', () => {
  const SAAS = 'secrets.saas-api-token';
  const mailchimp = j('3f9a6c2e8b71d4f0', '5a9e2c7b1d8f4a63', '-us21');
  const okta = j('00', 'aB3dE9fG2hJ7kL4mN8pQ1rS6tU0vW5xY-zC2_eF7');
  const fcmBody = j(
    'R8x2Kq9LmZ4vT7wN1bC5dF3hJ6pS0yU2aE4g-kT9mB2xQ7vR4nL8pW3zY6cH1sJ5dF0gA2uE7iO9q',
    'Xc4Vb8Nm2Lk6Jh1Gf5Dd9Ss3Aa7Qw_Er0Ty4Ui8Op2Zx6Cv1Bn5Mm9Kj3Hg7Ff2Dd6Sa0',
  ).slice(0, 134);
  const fcm = j('AAAA', 'xK9mQ2v', ':APA91b', fcmBody);

  it('Mailchimp API key: 32 hex, -us and the data centre', () => {
    assert.deepEqual(found(SAAS, `MAILCHIMP_KEY=${mailchimp}`), [mailchimp]);
    assert.deepEqual(found(SAAS, `{"apikey": "${mailchimp.replace('-us21', '-us6')}"}`), [
      mailchimp.replace('-us21', '-us6'),
    ]);
  });

  it('not a Mailchimp look-alike: placeholders, a locale, a hash without -us<n>', () => {
    for (const benign of [
      `MAILCHIMP_KEY=${'x'.repeat(32)}-us21`,
      `MAILCHIMP_KEY=${'0'.repeat(32)}-us21`,
      `MAILCHIMP_KEY=${mailchimp.slice(0, 32)}`,
      `checksum ${mailchimp.slice(0, 32)}-usa`,
      'Accept-Language: en-us1, de',
      'MAILCHIMP_KEY=<your-key>-us21',
    ]) {
      assert.deepEqual(found(SAAS, benign), [], benign);
    }
  });

  it('Okta API token after SSWS, as a header string and as a JSON Authorization value', () => {
    assert.deepEqual(found(SAAS, `Authorization: SSWS ${okta}`), [okta]);
    assert.deepEqual(found(SAAS, `{"Authorization": "SSWS ${okta}", "Accept": "application/json"}`), [okta]);
    assert.deepEqual(found(SAAS, `SSWS ${okta}`, 'authorization', 'argument'), [okta]);
  });

  it('not an Okta look-alike: no SSWS scheme, placeholders, a reference', () => {
    for (const benign of [
      `Authorization: Bearer ${okta}`,
      `id ${okta}`,
      `Authorization: SSWS 00${'x'.repeat(40)}`,
      `Authorization: SSWS ${ref('OKTA_API_TOKEN')}`,
      'Authorization: SSWS <your-okta-token>',
      `Authorization: SSWS 00${'aB'.repeat(20)}`,
    ]) {
      assert.deepEqual(found(SAAS, benign), [], benign);
    }
  });

  it('Firebase Cloud Messaging legacy server key', () => {
    assert.deepEqual(found(SAAS, `FCM_SERVER_KEY=${fcm}`), [fcm]);
    assert.deepEqual(found(SAAS, `Authorization: key=${fcm}`), [fcm]);
  });

  it('not an FCM look-alike: a short key, placeholders, no APA91b', () => {
    for (const benign of [
      `FCM_SERVER_KEY=${fcm.slice(0, 60)}`,
      `FCM_SERVER_KEY=AAAAxK9mQ2v:APA91b${'x'.repeat(134)}`,
      `FCM_SERVER_KEY=${fcm.replace(':APA91b', ':APB91b')}`,
    ]) {
      assert.deepEqual(found(SAAS, benign), [], benign);
    }
  });
});

describe('secrets: passwords on a docker login command line', () => {
  const CLI = 'secrets.basic-auth';

  it('docker login -p, --password and --password=', () => {
    assert.deepEqual(found(CLI, 'docker login -u deploy -p Zq8rT2vLm9 registry.example.com'), ['Zq8rT2vLm9']);
    assert.deepEqual(found(CLI, "docker login --username deploy --password 'k7Xp2Rw9q' ghcr.io"), [
      'k7Xp2Rw9q',
    ]);
    assert.deepEqual(found(CLI, 'docker login --password=Hk3vR8mZ2q registry.example.com'), ['Hk3vR8mZ2q']);
    assert.deepEqual(found(CLI, 'podman login -u ci -p "M4tR9qLx2" quay.io && podman push img'), [
      'M4tR9qLx2',
    ]);
  });

  it('not --password-stdin, a bare login, -p of other docker commands, or a reference', () => {
    for (const benign of [
      'echo "$TOKEN" | docker login -u deploy --password-stdin registry.example.com',
      'cat ~/pw.txt | docker login --username deploy --password-stdin',
      'docker login registry.example.com',
      'docker login -u deploy registry.example.com && docker run -p 8080:80 img',
      'docker login -u deploy -p $REGISTRY_PASSWORD registry.example.com',
      `docker login -u deploy -p ${ref('REGISTRY_PASSWORD')} registry.example.com`,
      "docker login -u deploy -p '<password>' registry.example.com",
      'docker login -u deploy -p xxxxxxxx registry.example.com',
    ]) {
      assert.deepEqual(found(CLI, benign), [], benign);
    }
  });
});

describe('secrets: Basic credentials in git and Docker configuration', () => {
  const basic = (pair: string) => Buffer.from(pair).toString('base64');
  it('finds a lowercase basic scheme in a git extraheader', () => {
    const encoded = basic(j('x-access-token:', 'ghs_', RAND36));
    assert.deepEqual(found('secrets.basic-auth', `\textraheader = AUTHORIZATION: basic ${encoded}\n`), [
      encoded,
    ]);
  });
  it("finds a Docker registry login, inline or as an `auth` field's value", () => {
    const encoded = basic(j('ci-bot:', 'Xp9#kL2mQ7vR4tZ8'));
    assert.deepEqual(found('secrets.basic-auth', `{"auths":{"r.example":{"auth":"${encoded}"}}}`), [encoded]);
    assert.deepEqual(found('secrets.basic-auth', encoded, 'auth'), [encoded]);
  });
  it('does not take prose or a token without a password for a login', () => {
    assert.deepEqual(found('secrets.basic-auth', 'Use basic authentication behind the proxy.'), []);
    assert.deepEqual(found('secrets.basic-auth', basic('just-a-name'), 'auth'), []);
    assert.deepEqual(found('secrets.basic-auth', 'bearer', 'auth'), []);
  });
});
