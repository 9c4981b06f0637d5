import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { McpEvent } from '../../src/core/index.js';
import type { DetectorMatch, FieldRole } from '../../src/detect/detector.js';
import { personalDataDetectors } from '../../src/detect/detectors/personal-data.js';
import { ibanValid } from '../../src/detect/detectors/text/iban.js';
import { codiceFiscaleValid, ssnValid } from '../../src/detect/detectors/text/national-id.js';
import {
  bsnValid,
  cpfValid,
  dniValid,
  idsNamedByQuery,
  nirValid,
  peselValid,
  residentIdValid,
  steuerIdValid,
  verhoeffValid,
} from '../../src/detect/detectors/text/other-national-ids.js';
import { cardBrand, luhnValid } from '../../src/detect/detectors/text/payment-card.js';
import { queryNames } from '../../src/detect/detectors/text/query-columns.js';
import { createEngine, loadBuiltinRules } from '../../src/detect/index.js';
import { mcpEvent } from '../support/mcp-event.js';
import { detectChecked } from './trigger-check.js';

function detect(id: string, value: string, role: FieldRole = 'response'): DetectorMatch[] {
  const detector = personalDataDetectors.find((d) => d.id === id);
  assert.ok(detector, `no detector ${id}`);
  assert.ok(detector.roles.includes(role), `${id} does not read ${role}`);
  return detectChecked(detector, { path: role, key: '', role, value }, { tool: null, method: null });
}

function found(id: string, value: string, role: FieldRole = 'response'): string[] {
  return detect(id, value, role).map((m) => value.slice(m.start, m.end));
}

/** What a detector finds in one field of parsed JSON, as the engine walks it (`response.<key>`). */
function foundIn(id: string, key: string, value: string): string[] {
  const detector = personalDataDetectors.find((d) => d.id === id);
  assert.ok(detector, `no detector ${id}`);
  const field = { path: `response.${key}`, key, role: 'response' as const, value };
  return detectChecked(detector, field, { tool: null, method: null }).map((m) => value.slice(m.start, m.end));
}

const EMAIL = 'personal-data.email';
const PHONE = 'personal-data.phone';
const CARD = 'personal-data.payment-card';
const SSN = 'personal-data.us-ssn';
const NINO = 'personal-data.uk-nino';
const IBAN = 'personal-data.iban';
const HEALTH = 'personal-data.health-record';

describe('personal-data.email', () => {
  it('finds each distinct address once, with exact spans', () => {
    const value = 'Contacts: ann@corp.example, Bob.Lee+x@mail.co.uk; again ann@corp.example.';
    assert.deepEqual(
      detect(EMAIL, value).map((m) => [m.start, m.end]),
      [
        [10, 26],
        [28, 48],
      ],
    );
  });
  it('does not match file names, SSH remotes, package versions or URL credentials', () => {
    const text =
      'logo@2x.png git@github.com:org/repo.git lodash@4.17.21 https://user:pw@host.example/x @scope/pkg';
    assert.deepEqual(found(EMAIL, text), []);
  });
  it('does not read identity fields, where a user email is expected', () => {
    const detector = personalDataDetectors.find((d) => d.id === EMAIL);
    assert.equal(detector?.roles.includes('identity'), false);
  });
});

describe('personal-data.phone', () => {
  it('finds E.164 and national formats', () => {
    const value =
      'Call +1 415 555 2671, (212) 555-0188, +44 (0)20 7946 0958, 020 7946 0958 or 01 23 45 67 89.';
    assert.deepEqual(found(PHONE, value), [
      '+1 415 555 2671',
      '(212) 555-0188',
      '+44 (0)20 7946 0958',
      '020 7946 0958',
      '01 23 45 67 89',
    ]);
  });
  it('counts the same number in two formats once', () => {
    assert.deepEqual(found(PHONE, '415-555-2671 / 415.555.2671'), ['415-555-2671']);
  });
  it('does not match dates, IPs, versions, mixed separators or plain ids', () => {
    assert.deepEqual(
      found(PHONE, 'On 2024-01-15 host 192.168.1.10 ran v1.2.3; 415-555.2671; id 12345678901'),
      [],
    );
  });
});

describe('personal-data.payment-card', () => {
  it('finds Luhn-valid numbers with known prefixes in common layouts', () => {
    const value =
      'Visa 4526 0181 5908 3012, MC 5366-1318-6091-3904, Amex 3799 603082 46287, plain 4194821993518197.';
    const matches = detect(CARD, value);
    assert.deepEqual(
      matches.map((m) => value.slice(m.start, m.end)),
      ['4526 0181 5908 3012', '5366-1318-6091-3904', '3799 603082 46287', '4194821993518197'],
    );
    assert.deepEqual(
      matches.map((m) => m.detail),
      [
        'Visa card number (Luhn-valid)',
        'Mastercard card number (Luhn-valid)',
        'American Express card number (Luhn-valid)',
        'Visa card number (Luhn-valid)',
      ],
    );
    assert.ok(matches.every((m) => m.secret !== true));
  });
  it('does not match the test numbers payment providers publish', () => {
    assert.deepEqual(
      found(CARD, 'Use 4242 4242 4242 4242 or 4111-1111-1111-1111 or 5555555555554444 in test mode.'),
      [],
    );
  });
  it('does not match a bad check digit, unknown prefixes, timestamps or longer digit runs', () => {
    const text =
      'x 4111 1111 1111 1112, 1234567890123456, 1700000000000, order 41111111111111112345, 0000000000000000';
    assert.deepEqual(found(CARD, text), []);
  });
  it('does not match mixed separators or odd groupings', () => {
    assert.deepEqual(found(CARD, '4526-0181 5908-3012 and 45 2601 8159 0830 12'), []);
  });
  it('validates Luhn and brand prefixes', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(cardBrand('6011111111111117'), 'Discover');
    assert.equal(cardBrand('3530111333300000'), 'JCB');
    assert.equal(cardBrand('9111111111111111'), null);
  });
});

describe('personal-data.us-ssn', () => {
  it('finds dashed SSNs and undashed ones after their name', () => {
    assert.deepEqual(found(SSN, 'SSN: 123-45-6789; social security number 234567890'), [
      '123-45-6789',
      '234567890',
    ]);
  });
  it('finds an undashed SSN after a snake_case name, but not after a word ending in ssn', () => {
    assert.deepEqual(found(SSN, 'employee_ssn: 512847391'), ['512847391']);
    assert.deepEqual(found(SSN, 'classn 512847391'), []);
  });
  it('excludes numbers the SSA never issues or voided', () => {
    assert.deepEqual(
      found(SSN, '000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000 078-05-1120'),
      [],
    );
    assert.equal(ssnValid('219', '09', '9999'), false);
    assert.equal(ssnValid('536', '90', '4399'), true);
  });
  it('does not match undashed nine-digit ids without the name, or parts of longer numbers', () => {
    assert.deepEqual(found(SSN, 'order 234567890, isbn 978-1-23-456789-0, ref 1123-45-6789'), []);
  });
});

describe('personal-data.uk-nino', () => {
  it('finds a spaced NINO anywhere and a compact one after its name', () => {
    assert.deepEqual(found(NINO, 'NI number AB123456C; also JG 10 37 52 A.'), ['AB123456C', 'JG 10 37 52 A']);
  });
  it('does not match invalid prefixes or compact codes without the name', () => {
    assert.deepEqual(found(NINO, 'QQ 12 34 56 C, GB 12 34 56 A, SKU AB123456C, DA 12 34 56 A'), []);
  });
});

describe('personal-data.iban', () => {
  it('finds grouped and compact IBANs with a valid check', () => {
    const value = 'Pay to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432.';
    assert.deepEqual(found(IBAN, value), ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432']);
  });
  it('does not match a wrong check digit, a wrong length or a lookalike code', () => {
    assert.deepEqual(found(IBAN, 'DE89 3704 0044 0532 0130 01, DE89370400440532013, AB12CDEF12345678'), []);
    assert.equal(ibanValid('FR1420041010050500013M02606'), true);
    assert.equal(ibanValid('FR1420041010050500013M02607'), false);
  });
});

describe('personal-data.health-record', () => {
  it('finds the labelled fields of a patient record', () => {
    const value =
      'Patient: Ingrid Novak, DOB 1991-01-20\nMRN: 8722284\nDiagnosis: Type 2 diabetes (E11.9)\nPhone: 555';
    assert.deepEqual(found(HEALTH, value), [
      'Patient: Ingrid Novak, DOB 1991-01-20',
      'MRN: 8722284',
      'Diagnosis: Type 2 diabetes (E11.9)',
    ]);
  });
  it('does not match a lone date of birth or a medical glossary line', () => {
    assert.deepEqual(found(HEALTH, 'Name: Ann Lee\nDate of birth: 1990-01-01\nCity: Oslo'), []);
    assert.deepEqual(found(HEALTH, 'Diagnosis: see the glossary for ICD codes.'), []);
  });
});

describe('personal-data by where a value sits', () => {
  it('reads an undashed SSN in a field named for it', () => {
    const detector = personalDataDetectors.find((d) => d.id === SSN);
    const field = { path: 'arguments.fields.tin', key: 'tin', role: 'argument' as const, value: '572048659' };
    assert.deepEqual(
      detector &&
        detectChecked(detector, field, { tool: 'submit_form', method: null }).map((m) => [m.start, m.end]),
      [[0, 9]],
    );
  });
  it('does not count addresses in recipient and attendee fields', () => {
    const detector = personalDataDetectors.find((d) => d.id === EMAIL);
    const field = {
      path: 'arguments.attendees.0',
      key: 'attendees',
      role: 'argument' as const,
      value: 'dana@acme.example',
    };
    assert.deepEqual(detector && detectChecked(detector, field, { tool: null, method: null }), []);
  });
});

describe('personal-data on ordinary text', () => {
  it('finds nothing in hashes, UUIDs and timestamps', () => {
    const text =
      'sha 3f786850e387550fdab836ed7e6dc881de23001b uuid 550e8400-e29b-41d4-a716-446655440000 ts 1731000000000 size 4096';
    for (const detector of personalDataDetectors) assert.deepEqual(found(detector.id, text), [], detector.id);
  });
});

describe('personal-data.national-id', () => {
  const ID = 'personal-data.national-id';
  it('detects an Aadhaar number with a valid Verhoeff check digit, grouped or after its name', () => {
    assert.deepEqual(found(ID, 'Aadhaar: 2345 6789 0124; mobile +91 98765 43210'), ['2345 6789 0124']);
    assert.deepEqual(found(ID, 'UID number 493817265408 on file'), ['493817265408']);
    assert.equal(verhoeffValid('234567890124'), true);
    assert.equal(verhoeffValid('234567890123'), false);
  });
  it('detects a Spanish DNI or NIE with its check letter, and a Canadian SIN that passes Luhn', () => {
    assert.deepEqual(found(ID, 'DNI 12345678Z, NIE X1234567L'), ['12345678Z', 'X1234567L']);
    assert.deepEqual(found(ID, 'SIN 130 692 544'), ['130 692 544']);
    assert.equal(dniValid('', '12345678', 'Z'), true);
    assert.equal(dniValid('', '12345678', 'A'), false);
  });
  it('does not flag numbers without their name, or with a wrong check digit or letter', () => {
    assert.deepEqual(found(ID, 'Order ids 2345 6789 0124 and 1234 5678 9012'), []);
    assert.deepEqual(found(ID, 'Aadhaar: 2345 6789 0123'), []);
    assert.deepEqual(found(ID, 'Invoice 12345678Z, DNI 12345678A'), []);
    assert.deepEqual(found(ID, 'SIN 130 692 545'), []);
  });
});

describe('personal-data.national-id: Brazilian CPF', () => {
  const ID = 'personal-data.national-id';
  it('finds a CPF with valid check digits after its label, formatted or not', () => {
    assert.deepEqual(found(ID, 'nome: João Silva, CPF: 529.982.247-25'), ['529.982.247-25']);
    assert.deepEqual(found(ID, 'cliente CPF 52998224725 ativo'), ['52998224725']);
    assert.equal(cpfValid('52998224725'), true);
    assert.equal(cpfValid('11111111111'), false);
  });
  it('does not match a wrong check digit, or eleven digits without the label', () => {
    assert.deepEqual(found(ID, 'nome: João Silva, CPF: 529.982.247-26'), []);
    assert.deepEqual(found(ID, 'CPF: 529.982.247-35'), []);
    assert.deepEqual(found(ID, 'pedido 52998224725, telefone 529.982.247-25'), []);
    assert.deepEqual(found(ID, 'CPF: 111.111.111-11 (exemplo)'), []);
  });
  it('reads a bare CPF in a field named cpf', () => {
    const detector = personalDataDetectors.find((d) => d.id === ID)!;
    const field = { path: 'arguments.cpf', key: 'cpf', role: 'argument' as const, value: '52998224725' };
    assert.equal(detectChecked(detector, field, { tool: null, method: null }).length, 1);
    const other = { ...field, path: 'arguments.order', key: 'order' };
    assert.equal(detectChecked(detector, other, { tool: null, method: null }).length, 0);
  });
});

describe('personal-data.national-id: French social security number (NIR)', () => {
  const ID = 'personal-data.national-id';
  // 97 - (2840575112034 mod 97) = 48; for Corsica 2B counts as 18: 97 - (1840518123456 mod 97) = 12.
  it('finds a NIR with a valid key after its label, grouped or compact, Corsica included', () => {
    assert.deepEqual(found(ID, 'Assuré : Claire Dubois, numéro de sécurité sociale 2 84 05 75 112 034 48'), [
      '2 84 05 75 112 034 48',
    ]);
    assert.deepEqual(found(ID, 'NIR: 284057511203448'), ['284057511203448']);
    assert.deepEqual(found(ID, 'N° INSEE : 1 84 05 2B 123 456 12'), ['1 84 05 2B 123 456 12']);
    assert.equal(nirValid('284057511203448'), true);
    assert.equal(nirValid('184052B12345612'), true);
  });
  it('does not match a wrong key, an impossible month, or the number without its label', () => {
    assert.deepEqual(found(ID, 'numéro de sécurité sociale 2 84 05 75 112 034 47'), []);
    assert.deepEqual(found(ID, 'NIR 1 84 05 2A 123 456 12'), []);
    assert.deepEqual(found(ID, 'commande 2 84 05 75 112 034 48, suivi 284057511203448'), []);
    assert.equal(nirValid('284157511203448'), false);
  });
});

describe('personal-data.national-id: passport numbers', () => {
  const ID = 'personal-data.national-id';
  it('finds a passport number right after a passport label', () => {
    const kyc = '{"full_name": "Priya Raman", "passport_number": "K8734521", "date_of_birth": "1990-07-21"}';
    assert.deepEqual(found(ID, kyc), ['K8734521']);
    assert.deepEqual(found(ID, 'Passport No: 533401372'), ['533401372']);
    assert.deepEqual(found(ID, 'passport: X12345678'), ['X12345678']);
    assert.deepEqual(found(ID, 'Número de pasaporte: PAB123456'), ['PAB123456']);
    assert.deepEqual(found(ID, 'pasaporte PAB123456, Reisepassnummer C01X00T47'), ['PAB123456', 'C01X00T47']);
  });
  it('does not match a label followed by words, a year or a lowercase id', () => {
    for (const benign of [
      'passport photo requirements',
      'Passport number format is 9 digits',
      'passport: valid until 2030',
      'passport expiry 2030-05-01',
      'passport_country: "DE", passport_issued: 2019',
      'session passport id a8f3b2c91',
      'Order K8734521 shipped',
    ]) {
      assert.deepEqual(found(ID, benign), [], benign);
    }
  });
  it('reads a bare passport number in a field named for one, as the engine walks parsed JSON', () => {
    const detector = personalDataDetectors.find((d) => d.id === ID)!;
    const field = {
      path: 'response.passport_number',
      key: 'passport_number',
      role: 'response' as const,
      value: 'K8734521',
    };
    assert.equal(detectChecked(detector, field, { tool: null, method: null }).length, 1);
    for (const quiet of [
      { ...field, value: 'pending' },
      { ...field, value: 'K87 345 21 (renewal)' },
      { ...field, path: 'response.reference', key: 'reference' },
    ]) {
      assert.deepEqual(detectChecked(detector, quiet, { tool: null, method: null }), [], quiet.value);
    }
  });
});

describe('personal-data rule data', () => {
  const yaml = readFileSync(new URL('../../rules/builtin/personal-data.yaml', import.meta.url), 'utf8');

  it('refers to every detector and only to these', () => {
    const referenced = new Set([...yaml.matchAll(/^\s+detector: (\S+)$/gm)].map((m) => m[1]));
    assert.deepEqual([...referenced].sort(), personalDataDetectors.map((d) => d.id).sort());
  });
  it('needs three emails or phone numbers but a single card number raises', () => {
    assert.match(yaml, /detector: personal-data\.email\n\s+minMatches: 3/);
    assert.match(yaml, /detector: personal-data\.phone\n\s+minMatches: 3/);
    assert.doesNotMatch(yaml, /detector: personal-data\.payment-card\n\s+minMatches/);
  });
  it('redacts card numbers and SSNs in tool responses', () => {
    assert.match(yaml, /action: redact\n\s+fields: \[response\]\n\s+detector: personal-data\.payment-card/);
    assert.match(yaml, /action: redact\n\s+fields: \[response\]\n\s+detector: personal-data\.us-ssn/);
  });
});

describe('personal-data.national-id: German tax id (Steuer-ID)', () => {
  const ID = 'personal-data.national-id';
  it('checks the ISO 7064 MOD 11,10 check digit and a leading digit other than 0', () => {
    assert.equal(steuerIdValid('86095742719'), true);
    assert.equal(steuerIdValid('65294713828'), true);
    assert.equal(steuerIdValid('86095742718'), false);
    assert.equal(steuerIdValid('06095742719'), false);
  });
  it('finds a valid Steuer-ID after its label, compact or grouped, or in a field named for it', () => {
    assert.deepEqual(found(ID, 'Steuer-ID (Steueridentifikationsnummer): 86095742719'), ['86095742719']);
    assert.deepEqual(found(ID, 'Ihre IdNr. lautet 65 294 713 828.'), ['65 294 713 828']);
    assert.deepEqual(found(ID, 'steuerliche Identifikationsnummer 65294713828'), ['65294713828']);
    assert.deepEqual(foundIn(ID, 'steuer_id', '86095742719'), ['86095742719']);
  });
  it('does not match a wrong check digit, a number without its label, or a longer number', () => {
    for (const benign of [
      'Steuer-ID: 86095742718',
      'Rechnung 86095742719 vom 1. März',
      'Steuer-ID: 860957427190',
      'Steuernummer 181/815/08155',
    ]) {
      assert.deepEqual(found(ID, benign), [], benign);
    }
    assert.deepEqual(foundIn(ID, 'order_id', '86095742719'), []);
  });
});

describe('personal-data.national-id: Dutch citizen service number (BSN)', () => {
  const ID = 'personal-data.national-id';
  it('checks the 11-proef', () => {
    assert.equal(bsnValid('111222333'), true);
    assert.equal(bsnValid('999998456'), true);
    assert.equal(bsnValid('111222334'), false);
    assert.equal(bsnValid('000000000'), false);
  });
  it('finds a valid BSN after its label, or in a field named for it', () => {
    assert.deepEqual(found(ID, 'BSN: 111222333'), ['111222333']);
    assert.deepEqual(found(ID, 'Burgerservicenummer 9999.98.456 (geverifieerd)'), ['9999.98.456']);
    assert.deepEqual(found(ID, 'oud sofinummer: 999998456'), ['999998456']);
    assert.deepEqual(foundIn(ID, 'bsn', '999998456'), ['999998456']);
  });
  it('does not match a number failing the 11-proef, or one without its label', () => {
    for (const benign of ['BSN: 111222334', 'order 999998456 shipped', 'BSN: 1112223330']) {
      assert.deepEqual(found(ID, benign), [], benign);
    }
    assert.deepEqual(foundIn(ID, 'invoice', '999998456'), []);
  });
});

describe("personal-data.national-id: driver's licence numbers", () => {
  const ID = 'personal-data.national-id';
  it("finds a number after a driver's licence label", () => {
    assert.deepEqual(found(ID, "Driver's License No. D1234-56789-01234"), ['D1234-56789-01234']);
    assert.deepEqual(found(ID, 'drivers license: S530-4621-8823'), ['S530-4621-8823']);
    assert.deepEqual(found(ID, "driver's licence 12345678"), ['12345678']);
    assert.deepEqual(found(ID, 'Licence number: MORGA753116SM9IJ'), ['MORGA753116SM9IJ']);
    assert.deepEqual(found(ID, 'DL# A9876543, exp 2029'), ['A9876543']);
    assert.deepEqual(found(ID, 'Führerschein-Nr.: B072RRE2I55'), ['B072RRE2I55']);
    assert.deepEqual(found(ID, 'Permis de conduire n° 12AB34567'), ['12AB34567']);
    assert.deepEqual(foundIn(ID, 'drivers_license', 'D1234-56789-01234'), ['D1234-56789-01234']);
  });
  it('does not match licence words followed by words, a software licence, or a short number', () => {
    for (const benign of [
      "driver's license required",
      'license: MIT',
      'license number of seats',
      'Licence number: 2026',
      "Driver's license: valid",
      'software license key ABCD-1234-EFGH-5678',
      'DL 2 MB/s download',
      'device drivers 5.15.0-91',
    ]) {
      assert.deepEqual(found(ID, benign), [], benign);
    }
    assert.deepEqual(foundIn(ID, 'license_number', 'ABCD-1234-EFGH-5678'), []);
    assert.deepEqual(foundIn(ID, 'drivers_license', 'pending'), []);
  });
});

describe('personal-data.health-record: fields of parsed JSON', () => {
  it('finds a medical record number as the value of an MRN-named field', () => {
    assert.deepEqual(foundIn(HEALTH, 'mrn', 'MRN-00482913'), ['MRN-00482913']);
    assert.deepEqual(foundIn(HEALTH, 'medical_record_number', '00482913'), ['00482913']);
    assert.deepEqual(foundIn(HEALTH, 'patient_mrn', ' A-7731-20 '), ['A-7731-20']);
  });
  it('does not read an empty MRN, a diagnostics field, a lone diagnosis or a patient_id', () => {
    assert.deepEqual(foundIn(HEALTH, 'mrn', ''), []);
    assert.deepEqual(foundIn(HEALTH, 'mrn', 'pending'), []);
    assert.deepEqual(foundIn(HEALTH, 'diagnostics', 'ok'), []);
    assert.deepEqual(foundIn(HEALTH, 'diagnosis', 'Type 2 diabetes'), []);
    assert.deepEqual(foundIn(HEALTH, 'patient_id', '00482913'), []);
    assert.deepEqual(foundIn(HEALTH, 'name', 'Maria Lopez'), []);
  });
});

describe('personal-data.checked-id', () => {
  const CHECKED = 'personal-data.checked-id';
  it('checks the codice fiscale letter and day of birth', () => {
    assert.equal(codiceFiscaleValid('RSSMRA85T10A562S'), true);
    assert.equal(codiceFiscaleValid('RSSMRA85T10A562T'), false);
    assert.equal(codiceFiscaleValid('RSSMRA85T99A562S'), false);
  });
  it('finds codici fiscali and NIEs without a label, as a query result prints them', () => {
    assert.deepEqual(found(CHECKED, 'nome;codice_fiscale\nMario Rossi;RSSMRA85T10A562S\n'), [
      'RSSMRA85T10A562S',
    ]);
    assert.deepEqual(found(CHECKED, 'Rosa Costa, X1234567L'), ['X1234567L']);
  });
  it('finds DNIs as a whole value or two together, not one in prose', () => {
    assert.deepEqual(foundIn(CHECKED, 'rows', '12345678Z'), ['12345678Z']);
    assert.deepEqual(found(CHECKED, 'A: 12345678Z, B: 87654321X'), ['12345678Z', '87654321X']);
    assert.deepEqual(found(CHECKED, 'ticket 12345678Z was closed'), []);
  });
  it('ignores wrong check letters and base64 runs', () => {
    assert.deepEqual(found(CHECKED, 'X1234567A RSSMRA85T10A562T 12345678A 87654321B'), []);
    assert.deepEqual(found(CHECKED, 'data:image/png;base64,iVBORRSSMRA85T10A562SwKGgo='), []);
  });
});

describe('personal-data: red-team round 13', () => {
  it('counts MRN and DOB labels followed by a number without a colon', () => {
    const value = 'MRN 4829133 | Ann Lee | DOB 1975-04-02 | Dx: E11.9 Type 2 diabetes';
    assert.deepEqual(found(HEALTH, value).length > 0, true);
    assert.deepEqual(found(HEALTH, 'DOB 1975-04-02, born in Oslo'), []);
  });
  it('reads dotted card numbers only in groups of four', () => {
    const card = ['4539', '1488', '0343', '6467'];
    assert.deepEqual(found(CARD, `pan=${card.join('.')} amount=49.90`), [card.join('.')]);
    assert.deepEqual(found(CARD, `v${card.join('')}.1.2`), []);
    assert.deepEqual(found(CARD, '4539.14880343.6467'), []);
  });
  it('reads a bare Aadhaar number in a field named for it', () => {
    const id = 'personal-data.national-id';
    assert.deepEqual(foundIn(id, 'aadhaar', '234567890124'), ['234567890124']);
    assert.deepEqual(foundIn(id, 'order', '234567890124'), []);
  });
  it('finds a labelled PESEL with its check digit', () => {
    const id = 'personal-data.national-id';
    assert.equal(peselValid('44051401359'), true);
    assert.deepEqual(found(id, 'PESEL: 44051401359'), ['44051401359']);
    assert.deepEqual(found(id, 'PESEL: 44051401358'), []);
    assert.deepEqual(found(id, 'order 44051401359'), []);
  });
  it('counts email and phone columns of a tool result, not of a message being sent', () => {
    assert.deepEqual(foundIn(PHONE, 'phone', '(213) 614-9629'), ['(213) 614-9629']);
    assert.deepEqual(detect(EMAIL, 'ann@corp.example', 'argument').length, 1);
    const detector = personalDataDetectors.find((d) => d.id === EMAIL)!;
    const field = {
      path: 'arguments.email',
      key: 'email',
      role: 'argument' as const,
      value: 'ann@corp.example',
    };
    assert.deepEqual(detectChecked(detector, field, { tool: null, method: null }), []);
    const author = {
      path: 'response.0.commit.author.email',
      key: 'email',
      role: 'response' as const,
      value: 'ann@corp.example',
    };
    assert.deepEqual(detectChecked(detector, author, { tool: null, method: null }), []);
  });
  it('does not count the authors of a git log as a contact list', () => {
    const log =
      'a1b2c3d Ann Lee <ann@corp.example> fix: retry\n9f8e7d6 Bo Li <bo@corp.example> feat: export\nAuthor: Cy Ng <cy@corp.example>\nSigned-off-by: Di Wu <di@corp.example>';
    assert.deepEqual(found(EMAIL, log), []);
    assert.deepEqual(found(EMAIL, 'Ann Lee <ann@corp.example>\nBo Li <bo@corp.example>').length, 2);
  });
});

describe('personal-data.birth-dates', () => {
  const BIRTH = 'personal-data.birth-dates';
  it('finds labelled birth dates once a value lists three people', () => {
    const rows = [
      'Amara Okafor | DOB 1979-06-14 | 118 Elm Street',
      'Bastian Tanaka | DOB 1965-07-10 | 105 Elm Street',
      'Chloe Sokolova | date of birth: 17/05/1998 | 175 Elm Street',
    ].join('\n');
    assert.deepEqual(found(BIRTH, rows), ['1979-06-14', '1965-07-10', '17/05/1998']);
    assert.deepEqual(found(BIRTH, 'Geburtsdatum: 3. März 1980'), []);
    assert.deepEqual(
      found(BIRTH, 'D.O.B. June 14, 1979; D.O.B. 14 Jun 1981; Date de naissance : 02-03-1990'),
      ['June 14, 1979', '14 Jun 1981', '02-03-1990'],
    );
  });
  it('reads a birth-date column of a CSV, TSV or markdown table', () => {
    assert.deepEqual(
      found(BIRTH, 'name,date_of_birth,city\nAnn,1979-06-14,Leeds\nBo,1981-02-01,York\nCy,1990-12-30,Hull\n'),
      ['1979-06-14', '1981-02-01', '1990-12-30'],
    );
    const table =
      '| Name | Birth Date |\n| --- | --- |\n| Ann | 06/14/1979 |\n| Bo | 02/01/1981 |\n| Cy | 12/30/1990 |';
    assert.deepEqual(found(BIRTH, table), ['06/14/1979', '02/01/1981', '12/30/1990']);
    assert.deepEqual(found(BIRTH, 'id\tdob\n1\t1979-06-14\n2\t1981-02-01\n3\t1990-12-30'), [
      '1979-06-14',
      '1981-02-01',
      '1990-12-30',
    ]);
  });
  it('leaves one person, the same date repeated, biographies and other date columns alone', () => {
    assert.deepEqual(found(BIRTH, 'Profile: Ann Lee, DOB 1979-06-14, member since 2020-01-01'), []);
    assert.deepEqual(found(BIRTH, 'DOB 1979-06-14\nDOB 1979-06-14\nDOB 1979-06-14'), []);
    assert.deepEqual(
      found(BIRTH, 'Einstein (born 14 March 1879), Curie (born 7 November 1867), Bohr (born 7 October 1885)'),
      [],
    );
    assert.deepEqual(
      found(BIRTH, 'version,release_date\n1.0,2021-01-05\n1.1,2021-03-09\n2.0,2022-07-21\n'),
      [],
    );
    assert.deepEqual(
      found(BIRTH, 'Please enter your date of birth (DD/MM/YYYY) and birth date of each child.'),
      [],
    );
  });
});

describe('personal-data.national-id: table columns', () => {
  const NATIONAL = 'personal-data.national-id';
  it('reads every cell of a column whose header names the id, far below the header', () => {
    const csv =
      'imie,nazwisko,pesel\nAmara,Okafor,59020480002\nBastian,Tanaka,20122732513\nChloe,Sokolova,51052145269\nDmitri,Lindqvist,73121472238\n';
    assert.deepEqual(found(NATIONAL, csv), ['59020480002', '20122732513', '51052145269', '73121472238']);
    const table =
      '| namn | personnummer |\n|---|---|\n| Amara Okafor | 820319-5006 |\n| Bastian Tanaka | 861011-1463 |\n| Chloe Sokolova | 841201-0046 |';
    assert.deepEqual(found(NATIONAL, table), ['820319-5006', '861011-1463', '841201-0046']);
  });
  it('keeps the check digits: wrong numbers and other columns stay unflagged', () => {
    assert.deepEqual(found(NATIONAL, 'name;pesel\nAnn;59020480003\nBo;12345678901\nCy;n/a\n'), []);
    assert.deepEqual(
      found(NATIONAL, 'order_id,pesel_checked,total\n59020480002,yes,10\n20122732513,no,12\n'),
      [],
    );
  });
});

describe('personal-data.national-id: Chinese resident identity numbers', () => {
  const NATIONAL = 'personal-data.national-id';
  it('checks the MOD 11-2 character, X included', () => {
    assert.equal(residentIdValid('110105196204090686'), true);
    assert.equal(residentIdValid('110105196204090687'), false);
    assert.equal(residentIdValid('11010519491231002X'), true);
  });
  it('finds one after its label, in a field named for it, or in an id_card column', () => {
    assert.deepEqual(found(NATIONAL, '客户：张伟，身份证号：110105196204090686'), ['110105196204090686']);
    assert.deepEqual(found(NATIONAL, 'ID card number: 11010519491231002X'), ['11010519491231002X']);
    assert.deepEqual(
      found(NATIONAL, 'name,id_card\nAmara,110105196204090686\nBastian,110105197507130619\n'),
      ['110105196204090686', '110105197507130619'],
    );
  });
  it('leaves unlabelled numbers and wrong check characters alone', () => {
    assert.deepEqual(found(NATIONAL, 'order 110105196204090686 shipped'), []);
    assert.deepEqual(found(NATIONAL, '身份证号：110105196204090687'), []);
  });
});

describe('personal-data.iban: typed in lowercase', () => {
  const IBAN = 'personal-data.iban';
  it('finds a lowercase IBAN near a banking word, compact or grouped', () => {
    assert.deepEqual(found(IBAN, 'please wire the deposit to my account de72745553839469263260, thanks'), [
      'de72745553839469263260',
    ]);
    assert.deepEqual(found(IBAN, 'mój rachunek: pl61 1090 1014 0000 0712 1981 2874'), [
      'pl61 1090 1014 0000 0712 1981 2874',
    ]);
  });
  it('needs the banking word and the mod-97 check', () => {
    assert.deepEqual(found(IBAN, 'build de72745553839469263260 finished'), []);
    assert.deepEqual(found(IBAN, 'account id de12345678901234567890 created'), []);
  });
});

describe('personal-data.national-id: ids named by the query a result answers', () => {
  const engine = createEngine(loadBuiltinRules());
  const ROWS = 'Amara Okafor: 59020480002\nBastian Tanaka: 20122732513\nChloe Sokolova: 51052145269';
  const idFindings = (event: Partial<McpEvent>) =>
    engine
      .scan(mcpEvent({ method: 'tools/call', tool: 'read_query', ...event }))
      .findings.filter((finding) => finding.ruleId === 'MCP-PII-010')
      .map((finding) => finding.field);

  it('reads which ids a query selects, by their column names', () => {
    assert.deepEqual(
      idsNamedByQuery('SELECT imie, "pesel" FROM klienci').map((id) => id.detail),
      ['Polish PESEL number'],
    );
    assert.deepEqual(
      idsNamedByQuery('select name, id_card from members')[0]?.detail,
      'Chinese resident identity number',
    );
    assert.deepEqual(idsNamedByQuery('select imie, telefon from klienci'), []);
  });
  it('counts checked numbers in the result when the query names their column', () => {
    const query = { query: 'select imie, pesel from klienci' };
    assert.deepEqual(idFindings({ arguments: query, response: ROWS }), ['response', 'response', 'response']);
    assert.deepEqual(idFindings({ metadata: { arguments: query }, response: ROWS }).length, 3);
  });
  it('reads undashed SSNs and bare birth dates in the result of a query selecting them', () => {
    const rules = (event: Partial<McpEvent>) =>
      engine
        .scan(mcpEvent({ method: 'tools/call', tool: 'read_query', ...event }))
        .findings.map((finding) => finding.ruleId);
    const ssns = 'Ann Lee | 572048659\nBo Chan | 123 45 6789';
    assert.deepEqual(rules({ arguments: { query: 'select name, ssn from employees' }, response: ssns }), [
      'MCP-PII-005',
      'MCP-PII-005',
    ]);
    assert.deepEqual(
      rules({ arguments: { query: 'select name, phone from employees' }, response: ssns }),
      [],
    );
    const dates = 'Amara | 1979-06-14\nBastian | 1965-07-10\nChloe | 17/05/1998.';
    assert.deepEqual(
      rules({ arguments: { sql: 'SELECT name, "date_of_birth" FROM patients' }, response: dates }),
      ['MCP-PII-012', 'MCP-PII-012', 'MCP-PII-012'],
    );
    assert.deepEqual(
      rules({ arguments: { sql: 'SELECT name, created_at FROM patients' }, response: dates }),
      [],
    );
    assert.deepEqual(
      rules({ arguments: { sql: 'SELECT name, dob FROM patients LIMIT 1' }, response: 'Amara | 1979-06-14' }),
      [],
    );
  });
  it('ignores queries too long to be a select of named columns', () => {
    assert.equal(queryNames(`select pesel from t where ${'x = 1 and '.repeat(500)}1`).size, 0);
    assert.deepEqual(
      [...queryNames('SELECT `Pesel`, [dob] FROM "klienci"')],
      ['select', 'pesel', 'dob', 'from', 'klienci'],
    );
  });
  it('needs the column in the query, the number in the result, and the check digit', () => {
    assert.deepEqual(
      idFindings({ arguments: { query: 'select imie, telefon from klienci' }, response: ROWS }),
      [],
    );
    assert.deepEqual(idFindings({ arguments: { query: 'select pesel from klienci', note: ROWS } }), []);
    assert.deepEqual(
      idFindings({ arguments: { query: 'select pesel from klienci' }, response: 'Amara: 59020480003' }),
      [],
    );
  });
});

describe('personal-data: phones and document numbers named by their column', () => {
  const engine = createEngine(loadBuiltinRules());
  const rules = (event: Partial<McpEvent>) =>
    engine
      .scan(mcpEvent({ method: 'tools/call', tool: 'query', ...event }))
      .findings.map((finding) => finding.ruleId);
  const BARE_PHONES = 'Anna Berg | 4155550132\nJohn Moss | 2125550178\nLi Wei | 6465550199';

  it('reads bare numbers under a phone header, or anywhere when the query selects a phone column', () => {
    const table = `name | phone\n---|---\n${BARE_PHONES}`;
    assert.deepEqual(rules({ response: table }), ['MCP-PII-002', 'MCP-PII-002', 'MCP-PII-002']);
    assert.deepEqual(rules({ response: BARE_PHONES }), []);
    const query = { sql: 'SELECT full_name, mobile FROM customers' };
    assert.deepEqual(rules({ arguments: query, response: BARE_PHONES }), [
      'MCP-PII-002',
      'MCP-PII-002',
      'MCP-PII-002',
    ]);
  });

  it('leaves columns that only mention phones, and numbers that are not 10-15 digits', () => {
    const flags = 'order_id | phone_verified\n1000234567 | true\n1000234568 | false\n1000234569 | true';
    assert.deepEqual(
      rules({ arguments: { sql: 'select order_id, phone_verified from orders' }, response: flags }),
      [],
    );
    const counts = 'region | phones\nEU | 1203\nUS | 4402\nAPAC | 877';
    assert.deepEqual(
      rules({ arguments: { sql: 'select region, count(phone) as phones from users' }, response: counts }),
      [],
    );
    const cells = 'cell,value\nA1,1234567890\nA2,2345678901\nA3,3456789012';
    assert.deepEqual(rules({ tool: 'sheets_read', response: cells }), []);
  });

  it('reads passport and licence numbers under their header, or when the query selects them', () => {
    const passports = 'Anna Berg, 533380006\nJohn Moss, 987654321\nLi Wei, E12345678';
    assert.deepEqual(
      rules({ arguments: { sql: 'SELECT name, passport_number FROM travellers' }, response: passports }),
      ['MCP-PII-010', 'MCP-PII-010', 'MCP-PII-010'],
    );
    assert.deepEqual(rules({ response: `name,passport_no\n${passports}` }).length, 3);
    assert.deepEqual(rules({ response: passports }), []);
    const licences = 'Anna Berg,D1234567\nJohn Moss,S9876543';
    assert.deepEqual(
      rules({ arguments: { sql: 'select name, drivers_license from drivers' }, response: licences }),
      ['MCP-PII-010', 'MCP-PII-010'],
    );
    assert.deepEqual(
      rules({ response: `name | Driver License\n${licences.replaceAll(',', ' | ')}` }).length,
      2,
    );
  });

  it('leaves software licence keys and passport expiry dates', () => {
    const keys = 'product | license_number\nIDE Pro | AB12CD34EF56\nDB Tools | 123456789012';
    assert.deepEqual(
      rules({ arguments: { sql: 'select product, license_number from licenses' }, response: keys }),
      [],
    );
    const expiry = 'Anna Berg, 2031-05-01\nJohn Moss, 2029-11-30';
    assert.deepEqual(
      rules({ arguments: { sql: 'select name, passport_expiry from travellers' }, response: expiry }),
      [],
    );
    // A date in another column of a licence query is no licence number (no dashes in one).
    const dated = 'Anna Berg | 2031-05-01 | D1234567';
    assert.deepEqual(
      rules({ arguments: { sql: 'select name, issued, dl_number from drivers' }, response: dated }),
      ['MCP-PII-010'],
    );
  });
});
