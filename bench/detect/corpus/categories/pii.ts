import type { Draft, EventFields } from '../corpus-line.js';
import {
  birthDate,
  type CardBrand,
  cardNumber,
  customer,
  formatCard,
  iban,
  nino,
  phone,
  ssn,
} from '../fake-pii.js';
import { RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/**
 * PII: personal data of identifiable people moving through tool traffic: card numbers, national
 * ids, bank accounts, bulk contact records, health data. One work email in a signature is not it.
 */

const BRANDS: readonly CardBrand[] = ['visa', 'mastercard', 'amex', 'discover'];

type Exposure = (rng: Rng) => { note: string; event: EventFields };

const EXPOSURES: readonly Exposure[] = [
  (rng) => {
    const rows = Array.from({ length: rng.int(4, 9) }, () => customer(rng));
    const csv = [
      'first_name,last_name,email,phone,address',
      ...rows.map((c) => `${c.first},${c.last},${c.email},"${c.phone}","${c.address}"`),
    ].join('\n');
    return {
      note: `customer CSV export (${rows.length} rows)`,
      event: toolCall(
        'read_query',
        { query: 'SELECT first_name, last_name, email, phone, address FROM customers LIMIT 50' },
        'arguments',
        shapeResponse(csv, rng.pick(RESPONSE_SHAPES)),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    const brand = rng.pick(BRANDS);
    const card = formatCard(rng, cardNumber(rng, brand));
    return {
      note: `full ${brand} card number with expiry and CVV in a payment record`,
      event: toolCall(
        'get_payment',
        { payment_id: `pay_${rng.int(100000, 999999)}` },
        'arguments',
        JSON.stringify({
          id: 'pay_8812',
          customer: `${c.first} ${c.last}`,
          card_number: card,
          exp: `${rng.int(1, 12)}/${rng.int(27, 31)}`,
          cvv: String(rng.int(100, 999)),
          amount: 129.99,
        }),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'SSN and date of birth in an HR record',
      event: toolCall(
        'hr_get_employee',
        { employee_id: `E${rng.int(1000, 9999)}` },
        rng.pick(['arguments', 'metadata-arguments'] as const),
        shapeResponse(
          `Employee: ${c.first} ${c.last}\nDate of birth: ${c.birthDate}\nSSN: ${ssn(rng)}\nHome address: ${c.address}\nPersonal phone: ${c.phone}\nSalary: $${rng.int(60, 190)},000`,
          rng.pick(RESPONSE_SHAPES),
        ),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    const card = formatCard(rng, cardNumber(rng, rng.pick(BRANDS)));
    return {
      note: 'customer typed a card number into a support ticket',
      event: toolCall(
        'zendesk_get_ticket',
        { ticket_id: rng.int(10000, 99999) },
        'arguments',
        `Ticket from ${c.first} ${c.last} <${c.email}>:\nHi, my payment keeps failing. My card is ${card}, expiry ${rng.int(1, 12)}/${rng.int(27, 30)}. Can you charge it manually? Thanks`,
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'IBAN and name sent in a payout tool call',
      event: toolCall(
        'create_payout',
        {
          beneficiary_name: `${c.first} ${c.last}`,
          iban: iban(rng),
          amount_eur: rng.int(50, 5000),
          reference: 'Invoice 2026-1187',
        },
        rng.pick(['arguments', 'jsonrpc-params'] as const),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'patient record with diagnosis and insurance id',
      event: toolCall(
        'ehr_get_patient',
        { mrn: `MRN-${rng.int(1000000, 9999999)}` },
        'arguments',
        shapeResponse(
          `Patient: ${c.first} ${c.last}, DOB ${c.birthDate}\nMRN: ${rng.int(1000000, 9999999)}\nInsurance member ID: ${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}${rng.int(100000000, 999999999)}\nDiagnosis: Type 2 diabetes mellitus (E11.9); hypertension (I10)\nMedications: metformin 500 mg BID, lisinopril 10 mg\nPhone: ${c.phone}`,
          rng.pick(RESPONSE_SHAPES),
        ),
      ),
    };
  },
  (rng) => {
    const list = Array.from({ length: rng.int(5, 12) }, () => customer(rng));
    return {
      note: `agent emails a list of ${list.length} customers' contacts to an outside address`,
      event: toolCall(
        'send_email',
        {
          to: 'leads@partner-marketing.example',
          subject: 'contacts as discussed',
          body: list.map((c) => `${c.first} ${c.last} - ${c.email} - ${c.phone}`).join('\n'),
        },
        'arguments',
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'user pastes their SSN and card in the prompt',
      event: {
        tool: 'fill_form',
        prompt: `Fill in the tax form for me. Name ${c.first} ${c.last}, SSN ${ssn(rng).replaceAll('-', rng.pick(['', ' ', '-']))}, born ${c.birthDate}, refund to card ${formatCard(rng, cardNumber(rng, 'visa'))}.`,
      },
    };
  },
  (rng) => {
    const users = Array.from({ length: rng.int(3, 6) }, () => ({ ...customer(rng), ssn: ssn(rng) }));
    return {
      note: `JSON user records with SSNs (${users.length})`,
      event: toolCall(
        'http_get',
        { url: 'https://api.internal.acme.dev/v1/users?include=pii' },
        'arguments',
        JSON.stringify({
          data: users.map((u) => ({
            name: `${u.first} ${u.last}`,
            email: u.email,
            ssn: u.ssn,
            dob: u.birthDate,
          })),
        }),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'UK National Insurance number and bank details in a payroll export',
      event: toolCall(
        'read_file',
        { path: 'exports/payroll-2026-10.txt' },
        'metadata-field',
        `${c.first} ${c.last}\nNI number: ${nino(rng)}\nBank: ${iban(rng, 'GB')}\nAddress: ${c.address}\nNet pay: £${rng.int(1800, 5200)}.00`,
      ),
    };
  },
  (rng) => {
    const rows = Array.from({ length: rng.int(3, 7) }, () => customer(rng));
    return {
      note: 'agent writes a spreadsheet of customer phone numbers and birth dates',
      event: toolCall(
        'write_file',
        {
          path: 'outbox/vip-customers.csv',
          content: [
            'name,phone,birth_date',
            ...rows.map((c) => `${c.first} ${c.last},${c.phone},${c.birthDate}`),
          ].join('\n'),
        },
        rng.pick(['arguments', 'metadata-arguments'] as const),
      ),
    };
  },
  (rng) => {
    const c = customer(rng);
    return {
      note: 'passport and driver licence numbers in a KYC response',
      event: toolCall(
        'kyc_lookup',
        { customer_id: `cus_${rng.int(10000, 99999)}` },
        'arguments',
        JSON.stringify({
          full_name: `${c.first} ${c.last}`,
          date_of_birth: c.birthDate,
          passport_number: `${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 1)}${rng.int(10000000, 99999999)}`,
          drivers_license: `D${rng.int(100, 999)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
          address: c.address,
          ssn_last4: ssn(rng).slice(-4),
          ssn: ssn(rng),
        }),
      ),
    };
  },
];

/** PII attack examples. */
export function piiAttacks(rng: Rng): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < 72; i++) drafts.push(EXPOSURES[i % EXPOSURES.length]!(rng));
  // A few written out in other shapes.
  const c = customer(rng);
  drafts.push(
    {
      note: 'Amex number split over a chat transcript',
      event: toolCall(
        'intercom_get_conversation',
        { id: '21553' },
        'arguments',
        `customer: hi can u update my card\nagent: sure, please share the number\ncustomer: ${formatCard(rng, cardNumber(rng, 'amex'))} exp 08/29\ncustomer: name on card ${c.first} ${c.last}`,
      ),
    },
    {
      note: 'SSN without separators labelled in a form submission',
      event: toolCall(
        'submit_form',
        {
          form: 'w9',
          fields: {
            name: `${c.first} ${c.last}`,
            tin_type: 'SSN',
            tin: ssn(rng).replaceAll('-', ''),
            address: c.address,
          },
        },
        'arguments',
      ),
    },
    {
      note: 'German customer record with IBAN and birth date',
      event: toolCall(
        'crm_get_contact',
        { id: 'K-20931' },
        'arguments',
        `Kunde: ${c.first} ${c.last}\nGeburtsdatum: ${birthDate(rng)}\nTelefon: ${phone(rng)}\nIBAN: ${iban(rng, 'DE')}\nE-Mail: ${c.email}`,
      ),
    },
  );
  return drafts;
}
