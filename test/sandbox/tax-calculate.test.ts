// GET /api/tax_rates/calculate over HTTP: a table of jurisdictions (every EU state, the special territories, Canada's
// provinces, US states, GB, NO, CH, AU, NZ…) and every status, with the default account (home ES, OSS registered).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, useSandbox } from './harness.js';

type Expect = Partial<{
  country: string; region: string | null; name: string; rate: number; extra_name: string; extra_rate: number;
  taxable_part: number; status: string; notes: string | null;
}>;

const RC = /^Reverse charge/;
const OUTSIDE = /^Outside the EU VAT area/;

/** [label, query (as the Ruby client sends it), expected fields]. */
const TABLE: Array<[string, string, Expect]> = [
  // The EU, standard rates, every state (OSS registration), with each country's own name for the tax.
  ['AT', 'to_country=AT', { name: 'USt.', rate: 20, status: 'taxable' }],
  ['BE', 'to_country=BE', { name: 'BTW', rate: 21, status: 'taxable' }],
  ['BG', 'to_country=BG', { name: 'ДДС', rate: 20, status: 'taxable' }],
  ['CY', 'to_country=CY', { name: 'ΦΠΑ', rate: 19, status: 'taxable' }],
  ['CZ', 'to_country=CZ', { name: 'DPH', rate: 21, status: 'taxable' }],
  ['DE', 'to_country=DE', { name: 'MwSt.', rate: 19, status: 'taxable' }],
  ['DK', 'to_country=DK', { name: 'moms', rate: 25, status: 'taxable' }],
  ['EE', 'to_country=EE', { name: 'KM', rate: 24, status: 'taxable' }],
  ['ES (home)', 'to_country=ES', { name: 'IVA', rate: 21, status: 'taxable' }],
  ['FI', 'to_country=FI', { name: 'ALV', rate: 25.5, status: 'taxable' }],
  ['FR', 'to_country=FR', { name: 'TVA', rate: 20, status: 'taxable' }],
  ['GR', 'to_country=GR', { name: 'ΦΠΑ', rate: 24, status: 'taxable' }],
  ['HR', 'to_country=HR', { name: 'PDV', rate: 25, status: 'taxable' }],
  ['HU', 'to_country=HU', { name: 'ÁFA', rate: 27, status: 'taxable' }],
  ['IE', 'to_country=IE', { name: 'VAT', rate: 23, status: 'taxable' }],
  ['IT', 'to_country=IT', { name: 'IVA', rate: 22, status: 'taxable' }],
  ['LT', 'to_country=LT', { name: 'PVM', rate: 21, status: 'taxable' }],
  ['LU', 'to_country=LU', { name: 'TVA', rate: 17, status: 'taxable' }],
  ['LV', 'to_country=LV', { name: 'PVN', rate: 21, status: 'taxable' }],
  ['MT', 'to_country=MT', { name: 'VAT', rate: 18, status: 'taxable' }],
  ['NL', 'to_country=NL', { name: 'btw', rate: 21, status: 'taxable' }],
  ['PL', 'to_country=PL', { name: 'VAT', rate: 23, status: 'taxable' }],
  ['PT', 'to_country=PT', { name: 'IVA', rate: 23, status: 'taxable' }],
  ['RO', 'to_country=RO', { name: 'TVA', rate: 21, status: 'taxable' }],
  ['SE', 'to_country=SE', { name: 'moms', rate: 25, status: 'taxable' }],
  ['SI', 'to_country=SI', { name: 'DDV', rate: 22, status: 'taxable' }],
  ['SK', 'to_country=SK', { name: 'DPH', rate: 23, status: 'taxable' }],
  // E-books at reduced rates; Denmark has none.
  ['FR e-book', 'tax_code=ebook&to_country=FR', { rate: 5.5, status: 'taxable' }],
  ['DE e-book', 'tax_code=ebook&to_country=DE', { rate: 7, status: 'taxable' }],
  ['ES e-book', 'tax_code=ebook&to_country=ES', { rate: 4, status: 'taxable' }],
  ['IT e-book', 'tax_code=ebook&to_country=IT', { rate: 4, status: 'taxable' }],
  ['IE e-book (0%)', 'tax_code=ebook&to_country=IE', { rate: 0, status: 'taxable' }],
  ['DK e-book (standard)', 'tax_code=ebook&to_country=DK', { rate: 25, status: 'taxable' }],
  ['SaaS in NL', 'tax_code=saas&to_country=NL', { rate: 21, status: 'taxable' }],
  ['consulting to FR is taxed where the seller is (ES)', 'tax_code=consulting&to_country=FR', { country: 'ES', name: 'IVA', rate: 21, status: 'taxable' }],
  // Outside EU VAT, by postal code.
  ['Canary Islands', 'to_country=ES&to_postal_code=35001', { region: 'CN', rate: 0, status: 'non_taxable' }],
  ['Tenerife', 'to_country=ES&to_postal_code=38001', { region: 'CN', rate: 0, status: 'non_taxable' }],
  ['Ceuta', 'to_country=ES&to_postal_code=51001', { region: 'CE', rate: 0, status: 'non_taxable' }],
  ['Melilla', 'to_country=ES&to_postal_code=52001', { region: 'ML', rate: 0, status: 'non_taxable' }],
  ['Åland', 'to_country=FI&to_postal_code=22100', { region: 'AX', rate: 0, status: 'non_taxable' }],
  ['Büsingen', 'to_country=DE&to_postal_code=78266', { region: 'BUS', rate: 0, status: 'non_taxable' }],
  ['Heligoland', 'to_country=DE&to_postal_code=27498', { region: 'HEL', rate: 0, status: 'non_taxable' }],
  ['Livigno', 'to_country=IT&to_postal_code=23041', { region: 'LIV', rate: 0, status: 'non_taxable' }],
  ['Campione', 'to_country=IT&to_postal_code=22061', { region: 'CAM', rate: 0, status: 'non_taxable' }],
  ['Mount Athos', 'to_country=GR&to_postal_code=63086', { region: 'ATH', rate: 0, status: 'non_taxable' }],
  ['Madrid is mainland', 'to_country=ES&to_postal_code=28001', { region: null, rate: 21, status: 'taxable' }],
  // Reverse charge: only a valid number from another EU state.
  ['DE B2B, valid number', 'tax_id=DE136695976&to_country=DE', { rate: 0, status: 'reverse_charge' }],
  ['IE B2B, recorded valid number', 'tax_id=IE6388047V&to_country=IE', { rate: 0, status: 'reverse_charge' }],
  ['IE, number not checkable (null)', 'tax_id=IE222222222&to_country=IE', { rate: 23, status: 'taxable', notes: null }],
  ['DE, invalid number', 'tax_id=DE111111111&to_country=DE', { rate: 19, status: 'taxable', notes: null }],
  ['ES domestic B2B', 'tax_id=ESB58378431&to_country=ES', { rate: 21, status: 'taxable', notes: null }],
  // Outside the EU.
  ['GB', 'to_country=GB', { name: 'VAT', rate: 20, status: 'taxable' }],
  ['GB e-book (zero-rated)', 'tax_code=ebook&to_country=GB', { rate: 0, status: 'taxable' }],
  ['NO', 'to_country=NO', { name: 'MVA', rate: 25, status: 'taxable' }],
  ['NO e-book', 'tax_code=ebook&to_country=NO', { rate: 0, status: 'taxable' }],
  ['CH', 'to_country=CH', { name: 'MWST', rate: 8.1, status: 'taxable' }],
  ['CH e-book', 'tax_code=ebook&to_country=CH', { rate: 2.6, status: 'taxable' }],
  ['AU', 'to_country=AU', { name: 'GST', rate: 10, status: 'taxable' }],
  ['NZ (not registered)', 'to_country=NZ', { rate: 0, status: 'not_registered' }],
  ['JP (not registered)', 'to_country=JP', { rate: 0, status: 'not_registered' }],
  ['BR (not registered)', 'to_country=BR', { rate: 0, status: 'not_registered' }],
  // Canada by province.
  ['ON', 'to_country=CA&to_postal_code=M5V%202T6', { region: 'ON', name: 'HST', rate: 13, status: 'taxable' }],
  ['QC', 'to_country=CA&to_postal_code=H2X1Y4', { region: 'QC', name: 'GST', rate: 5, extra_name: 'QST', extra_rate: 9.975 }],
  ['BC', 'to_country=CA&to_postal_code=V6B1A1', { region: 'BC', name: 'GST', rate: 5, extra_name: 'PST', extra_rate: 7 }],
  ['MB', 'to_country=CA&to_postal_code=R3C0A1', { region: 'MB', name: 'GST', rate: 5, extra_name: 'RST', extra_rate: 7 }],
  ['SK', 'to_country=CA&to_postal_code=S4P3Y2', { region: 'SK', name: 'GST', rate: 5, extra_name: 'PST', extra_rate: 6 }],
  ['AB', 'to_country=CA&to_postal_code=T2P1J9', { region: 'AB', name: 'GST', rate: 5, status: 'taxable' }],
  ['NS', 'to_country=CA&to_postal_code=B3H1A1', { region: 'NS', name: 'HST', rate: 14 }],
  ['NL', 'to_country=CA&to_postal_code=A1C5M2', { region: 'NL', name: 'HST', rate: 15 }],
  ['PE', 'to_country=CA&to_postal_code=C1A4P3', { region: 'PE', name: 'HST', rate: 15 }],
  ['NB', 'to_country=CA&to_postal_code=E1C4M3', { region: 'NB', name: 'HST', rate: 15 }],
  ['YT', 'to_country=CA&to_postal_code=Y1A2C6', { region: 'YT', name: 'GST', rate: 5 }],
  // US states by ZIP.
  ['California', 'to_country=US&to_postal_code=90210', { region: 'CA', name: 'Sales tax', rate: 8.25, status: 'taxable' }],
  ['California SaaS', 'tax_code=saas&to_country=US&to_postal_code=90210', { region: 'CA', rate: 0, status: 'non_taxable' }],
  ['Texas SaaS (80%)', 'tax_code=saas&to_country=US&to_postal_code=78701', { region: 'TX', rate: 6.25, taxable_part: 80, status: 'taxable' }],
  ['Texas consulting', 'tax_code=consulting&to_country=US&to_postal_code=78701', { region: 'TX', rate: 0, status: 'non_taxable' }],
  ['New York', 'to_country=US&to_postal_code=10001', { region: 'NY', rate: 4, status: 'taxable' }],
  ['New York e-book', 'tax_code=ebook&to_country=US&to_postal_code=10001', { region: 'NY', rate: 0, status: 'non_taxable' }],
  ['Washington e-service', 'tax_code=eservice&to_country=US&to_postal_code=98101', { region: 'WA', rate: 6.5, status: 'taxable' }],
  ['Illinois (not registered)', 'to_country=US&to_postal_code=60601', { region: 'IL', rate: 0, status: 'not_registered' }],
  ['Oregon (not registered)', 'to_country=US&to_postal_code=97201', { region: 'OR', rate: 0, status: 'not_registered' }],
];

describe('GET /api/tax_rates/calculate: jurisdictions', () => {
  const sandbox = useSandbox();

  test('the table covers at least 40 jurisdictions and every status', () => {
    const jurisdictions = new Set(TABLE.map(([, q]) => q.replace(/tax_code=\w+&|tax_id=\w+&/g, '').replace(/(to_postal_code=[A-Z0-9]{2,3})[^&]*/, '$1')));
    assert.ok(jurisdictions.size >= 40, `${jurisdictions.size} jurisdictions`);
    const statuses = new Set(TABLE.map(([, , e]) => e.status).filter(Boolean));
    assert.deepEqual([...statuses].sort(), ['non_taxable', 'not_registered', 'reverse_charge', 'taxable']);
  });

  for (const [label, query, expected] of TABLE) {
    test(`${label}: ${query}`, async () => {
      const reply = await call(sandbox().url, `/api/tax_rates/calculate.json?${query}`);
      assert.equal(reply.status, 200, reply.text);
      const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, reply.json[k]]));
      assert.deepEqual(picked, expected);
      if (reply.json.status === 'reverse_charge') assert.match(reply.json.notes, RC);
      if (reply.json.region && /^(CN|CE|ML|AX|BUS|HEL|LIV|CAM|ATH)$/.test(reply.json.region)) assert.match(reply.json.notes, OUTSIDE);
      if (reply.json.rate === 0 && reply.json.status !== 'taxable') assert.equal(reply.json.extra_rate, undefined);
    });
  }
});

describe('GET /api/tax_rates/calculate: amounts, parameters and errors', () => {
  const sandbox = useSandbox();
  const calc = async (query: string) => call(sandbox().url, `/api/tax_rates/calculate.json?${query}`);

  /** [query, subtotal, tax_amount, total_amount] in major units, as the API answers. */
  const AMOUNTS: Array<[string, number, number, number]> = [
    ['amount=10&tax_behavior=inclusive&tax_code=ebook&to_country=FR', 9.48, 0.52, 10],
    ['amount=10&to_country=FR', 10, 2, 12],
    ['amount=1999&currency=JPY&to_country=DE', 1999, 380, 2379],
    ['amount=12.345&currency=KWD&to_country=FR', 12.345, 2.469, 14.814],
    ['amount=19.99&currency=CAD&to_country=CA&to_postal_code=H2X1Y4', 19.99, 2.99, 22.98],
    ['amount=100&currency=USD&tax_code=saas&to_country=US&to_postal_code=78701', 100, 5, 105],
    ['amount=50&tax_id=DE136695976&to_country=DE', 50, 0, 50],
    ['amount=0.05&to_country=AT', 0.05, 0.01, 0.06],
  ];
  for (const [query, subtotal, tax, total] of AMOUNTS) {
    test(`${query} → ${subtotal} + ${tax} = ${total}`, async () => {
      const reply = await calc(query);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual([reply.json.subtotal, reply.json.tax_amount, reply.json.total_amount], [subtotal, tax, total]);
    });
  }

  test('without amount the money fields are null; the currency defaults to the account’s', async () => {
    const reply = await calc('to_country=IT');
    assert.deepEqual([reply.json.subtotal, reply.json.tax_amount, reply.json.total_amount, reply.json.currency], [null, null, null, 'EUR']);
  });

  test('a US answer has the documented keys: city, county and taxable_base', async () => {
    const reply = await calc('amount=10&to_city=Beverly%20Hills&to_country=US&to_postal_code=90210');
    assert.deepEqual(Object.keys(reply.json), [
      'city', 'country', 'county', 'currency', 'name', 'notes', 'product_type', 'rate', 'region', 'tax_behavior', 'tax_code',
      'taxable_part', 'taxable_base', 'import', 'subtotal', 'tax_amount', 'total_amount', 'status',
    ]);
    assert.deepEqual([reply.json.city, reply.json.region, reply.json.taxable_base, reply.json.tax_amount], ['BEVERLY HILLS', 'CA', 10, 0.83]);
  });

  test('a dated query uses the rate then in force (DE 16% in late 2020)', async () => {
    assert.equal((await calc('date=2020-10-01&to_country=DE')).json.rate, 16);
  });

  test('goods shipped outside the EU are an import; within the EU they are not', async () => {
    assert.equal((await calc('product_type=good&to_country=GB')).json.import, true);
    assert.equal((await calc('product_type=good&to_country=FR')).json.import, false);
  });

  test('a space in a postal code arrives as + or %20, as form and URI encoders send it', async () => {
    for (const postal of ['M5V+2T6', 'M5V%202T6', 'm5v2t6']) {
      const reply = await calc(`to_country=CA&to_postal_code=${postal}`);
      assert.deepEqual([reply.status, reply.json.region, reply.json.rate], [200, 'ON', 13], postal);
    }
  });

  test('the legacy Quaderno::Tax.calculate path and parameter names answer the same', async () => {
    const legacy = await call(sandbox().url, '/api/taxes/calculate.json?country=DE&vat_number=DE136695976');
    const current = await calc('tax_id=DE136695976&to_country=DE');
    assert.equal(legacy.status, 200);
    assert.deepEqual(legacy.json, current.json);
  });

  const ERRORS: Array<[string, string]> = [
    ['', 'to_country'],
    ['to_country=France', 'to_country'],
    ['to_country=XX', 'to_country'],
    ['to_country=FR&from_country=XX', 'from_country'],
    ['to_country=US', 'to_postal_code'],
    ['to_country=CA&to_postal_code=', 'to_postal_code'],
    ['to_country=US&to_postal_code=ABCDE', 'to_postal_code'],
    ['to_country=CA&to_postal_code=12345', 'to_postal_code'],
    ['to_country=FR&amount=ten', 'amount'],
    ['to_country=FR&amount=-1', 'amount'],
    ['to_country=FR&tax_behavior=both', 'tax_behavior'],
    ['to_country=FR&product_type=digital', 'product_type'],
    ['to_country=FR&tax_code=unknown', 'tax_code'],
    ['to_country=FR&date=2024-13-45', 'date'],
    ['to_country=FR&currency=EURO', 'currency'],
  ];
  for (const [query, field] of ERRORS) {
    test(`?${query} → 422 naming ${field}`, async () => {
      const reply = await calc(query);
      assert.equal(reply.status, 422, reply.text);
      assert.ok(Array.isArray(reply.json.errors[field]), reply.text);
    });
  }

  test('the key is required, as for every /api route', async () => {
    const reply = await call(sandbox().url, '/api/tax_rates/calculate.json?to_country=FR', { auth: false });
    assert.equal(reply.status, 401);
    const wrong = await call(sandbox().url, '/api/tax_ids/validate.json?country=IE&tax_id=IE6388047V', {
      headers: { Authorization: `Basic ${Buffer.from('sk_wrong:x').toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
  });
});
