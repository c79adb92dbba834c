import { plural } from './format.ts';
import type { Translation } from './translation.ts';

// Register: "tu", as Catalan online shops address customers; buttons in the imperative, progress
// messages as "S’està…" (Softcatalà style). Typography: the typographic apostrophe and "l·l".
const ca: Translation = {
  $code: 'ca',
  $dir: 'ltr',

  loading: 'S’està carregant la pàgina de pagament…',
  errorTitle: 'No hem pogut carregar aquesta pàgina de pagament',
  errorLoad: 'S’ha produït un error en carregar la teva comanda.',
  errorNetwork: 'No hem pogut connectar amb el servidor. Comprova la connexió i torna-ho a provar.',
  errorTimeout: 'El servidor triga massa a respondre. Torna-ho a provar.',
  errorNotFound: 'Aquest enllaç de pagament no existeix o s’ha eliminat.',
  errorInvalidPermalink: 'Falta l’enllaç de pagament o no és vàlid.',
  errorRateLimited: 'Massa intents. Espera un moment i torna-ho a provar.',
  errorServer: 'S’ha produït un error al servidor. Torna-ho a provar.',
  errorBadResponse: 'No hem pogut llegir la resposta del servidor. Torna-ho a provar.',
  errorUnsafeUrl:
    'Aquesta pàgina de pagament té una adreça de retorn que no és segura i, per tant, no pot continuar. Posa’t en contacte amb el venedor.',
  errorSave: 'No hem pogut desar les teves dades. No s’ha perdut res del que has escrit.',
  errorNotPending: 'Aquest pagament ja no es pot modificar.',
  errorMixedCurrencies:
    'Aquesta comanda inclou diverses monedes i, per tant, no es pot pagar aquí. Posa’t en contacte amb el venedor.',
  retry: 'Torna-ho a provar',

  orderSummary: 'Resum de la comanda',
  itemCount: (count) => plural('ca', count, { one: `${count} article`, other: `${count} articles` }),
  quantity: 'Quantitat',
  unitPrice: 'Preu unitari',
  lineTotal: 'Import',
  quantityTimesPrice: (quantity, price) => `${quantity} × ${price}`,
  subtotal: 'Subtotal',
  discountWithCode: (code) => `Descompte (${code})`,
  total: 'Total a pagar',

  billingDetails: 'Dades de facturació',
  contactDetails: 'Dades de contacte',
  optional: 'opcional',
  fields: {
    first_name: 'Nom',
    last_name: 'Cognoms',
    email: 'Correu electrònic',
    company: 'Empresa',
    tax_id: 'NIF/IVA',
    billing_street_line_1: 'Adreça',
    billing_street_line_2: 'Pis, porta, etc.',
    billing_city: 'Població',
    billing_postal_code: 'Codi postal',
    billing_country: 'País',
  },
  selectCountry: 'Selecciona un país',
  showFullAddress: 'Afegeix l’adreça de facturació completa',
  formHasErrors: (count) =>
    plural('ca', count, { one: `Hi ha ${count} camp per corregir.`, other: `Hi ha ${count} camps per corregir.` }),
  validation: {
    required: 'Aquest camp és obligatori.',
    paymentMethod: 'Tria un mètode de pagament.',
    email: 'Introdueix una adreça electrònica vàlida.',
    tooLong: (max) =>
      plural('ca', max, { one: `Fes servir ${max} caràcter com a màxim.`, other: `Fes servir ${max} caràcters com a màxim.` }),
    taxId: (example) => `Introdueix un NIF/IVA vàlid (per exemple, ${example}).`,
    postalCode: 'Introdueix un codi postal vàlid.',
    country: 'Selecciona un país.',
    cardNumber: 'Introdueix un número de targeta vàlid.',
    cardExpiry: 'Introdueix una data de caducitat futura amb el format MM/AA.',
    cardCvc: 'Introdueix el codi de seguretat de 3 o 4 xifres.',
  },

  couponLabel: 'Codi de descompte',
  couponPlaceholder: 'Introdueix el codi',
  couponApply: 'Aplica',
  couponApplying: 'S’està aplicant…',
  couponRemove: 'Treu',
  couponRemoving: 'S’està traient…',
  couponApplied: (code) => `S’ha aplicat el codi ${code}.`,
  couponRemoved: 'S’ha tret el codi de descompte.',
  couponInvalid: 'Aquest codi no és vàlid.',
  couponNotAccepted: 'En aquesta comanda no es poden fer servir codis de descompte.',
  couponExpired: 'Aquest codi ha caducat.',
  couponUsedUp: 'Aquest codi ja ha arribat al límit d’usos.',
  couponCurrency: (currency) => `Aquest codi només és vàlid per a comandes en ${currency}.`,

  paymentMethod: 'Mètode de pagament',
  paymentMethods: { card: 'Targeta', paypal: 'PayPal' },
  payAmount: (amount) => `Paga ${amount}`,
  saving: 'S’estan desant les teves dades…',
  processing: 'S’està processant el pagament…',
  processingHint: 'Pot trigar uns segons. No tanquis aquesta pàgina.',
  testMode: 'Mode de prova',
  testModeCardHint:
    'Fes servir 4242 4242 4242 4242 per a un pagament correcte o 4000 0000 0000 0002 per a un pagament rebutjat. No es fa cap càrrec real.',
  cardNumber: 'Número de targeta',
  cardExpiry: 'Caducitat (MM/AA)',
  cardExpiryPlaceholder: 'MM/AA',
  cardCvc: 'Codi de seguretat',
  paypalApprove: 'Aprova el pagament',
  paypalDecline: 'Rebutja el pagament',
  paypalHint: 'Tria com respon el compte de PayPal simulat. No es fa cap càrrec real.',
  redirecting: 'S’està redirigint…',
  cancel: 'Cancel·la i torna a la botiga',
  cancelling: 'S’està cancel·lant…',

  completedTitle: 'Pagament rebut',
  completedBody: 'Gràcies! La teva comanda està pagada. Rebràs el comprovant per correu electrònic.',
  failedTitle: 'No s’ha pogut fer el pagament',
  failedBody: 'El pagament s’ha rebutjat o no s’ha pogut completar. No se t’ha cobrat res.',
  tryAgain: 'Torna-ho a provar',
  abandonedTitle: 'Aquesta pàgina de pagament ha caducat',
  abandonedBody: 'Aquest pagament es va cancel·lar o va caducar després d’un període d’inactivitat.',
  cancelledTitle: 'Pagament cancel·lat',
  cancelledBody: 'Has cancel·lat el pagament. No se t’ha cobrat res.',
  continueToMerchant: 'Continua',
  returnToMerchant: 'Torna a la botiga',
  draftRestored: 'Hem recuperat les dades que havies introduït abans.',

  // the hosted payment hand-off
  hostedPaymentNote: 'Acabaràs el pagament a la pàgina segura de Quaderno.',
};

export default ca;
