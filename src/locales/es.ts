import { plural } from './format.ts';
import type { Translation } from './translation.ts';

// Register: "tú", as Spanish (Spain) online shops address customers; Spain's vocabulary
// ("Apellidos", "caducidad", "NIF/IVA"). Typography: opening "¡", angled quotes if ever needed.
const es: Translation = {
  $code: 'es',
  $dir: 'ltr',

  loading: 'Cargando la página de pago…',
  errorTitle: 'No hemos podido cargar esta página de pago',
  errorLoad: 'Se ha producido un error al cargar tu pedido.',
  errorNetwork: 'No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  errorTimeout: 'El servidor está tardando demasiado en responder. Vuelve a intentarlo.',
  errorNotFound: 'Este enlace de pago no existe o se ha eliminado.',
  errorInvalidPermalink: 'Falta el enlace de pago o no es válido.',
  errorRateLimited: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.',
  errorServer: 'Se ha producido un error en el servidor. Vuelve a intentarlo.',
  errorBadResponse: 'No hemos podido leer la respuesta del servidor. Vuelve a intentarlo.',
  errorUnsafeUrl:
    'Esta página de pago tiene una dirección de retorno que no es segura, así que no puede continuar. Ponte en contacto con el vendedor.',
  errorSave: 'No hemos podido guardar tus datos. No se ha perdido nada de lo que has escrito.',
  errorNotPending: 'Este pago ya no se puede modificar.',
  errorMixedCurrencies:
    'Este pedido incluye varias monedas, así que no se puede pagar aquí. Ponte en contacto con el vendedor.',
  retry: 'Reintentar',

  orderSummary: 'Resumen del pedido',
  itemCount: (count) => plural('es', count, { one: `${count} artículo`, other: `${count} artículos` }),
  quantity: 'Cantidad',
  unitPrice: 'Precio unitario',
  lineTotal: 'Importe',
  quantityTimesPrice: (quantity, price) => `${quantity} × ${price}`,
  subtotal: 'Subtotal',
  discountWithCode: (code) => `Descuento (${code})`,
  total: 'Total a pagar',

  billingDetails: 'Datos de facturación',
  contactDetails: 'Datos de contacto',
  optional: 'opcional',
  fields: {
    first_name: 'Nombre',
    last_name: 'Apellidos',
    email: 'Correo electrónico',
    company: 'Empresa',
    tax_id: 'NIF/IVA',
    billing_street_line_1: 'Dirección',
    billing_street_line_2: 'Piso, puerta, etc.',
    billing_city: 'Ciudad',
    billing_postal_code: 'Código postal',
    billing_country: 'País',
  },
  selectCountry: 'Selecciona un país',
  showFullAddress: 'Añadir la dirección de facturación completa',
  formHasErrors: (count) =>
    plural('es', count, { one: `Hay ${count} campo por corregir.`, other: `Hay ${count} campos por corregir.` }),
  validation: {
    required: 'Este campo es obligatorio.',
    paymentMethod: 'Elige un método de pago.',
    email: 'Introduce un correo electrónico válido.',
    tooLong: (max) =>
      plural('es', max, { one: `Usa como máximo ${max} carácter.`, other: `Usa como máximo ${max} caracteres.` }),
    taxId: (example) => `Introduce un NIF/IVA válido (por ejemplo, ${example}).`,
    postalCode: 'Introduce un código postal válido.',
    country: 'Selecciona un país.',
    cardNumber: 'Introduce un número de tarjeta válido.',
    cardExpiry: 'Introduce una fecha de caducidad futura con el formato MM/AA.',
    cardCvc: 'Introduce el código de seguridad de 3 o 4 dígitos.',
  },

  couponLabel: 'Código de descuento',
  couponPlaceholder: 'Introduce el código',
  couponApply: 'Aplicar',
  couponApplying: 'Aplicando…',
  couponRemove: 'Quitar',
  couponRemoving: 'Quitando…',
  couponApplied: (code) => `Se ha aplicado el código ${code}.`,
  couponRemoved: 'Se ha quitado el código de descuento.',
  couponInvalid: 'Este código no es válido.',
  couponNotAccepted: 'En este pedido no se pueden usar códigos de descuento.',
  couponExpired: 'Este código ha caducado.',
  couponUsedUp: 'Este código ya ha alcanzado su límite de usos.',
  couponCurrency: (currency) => `Este código solo es válido para pedidos en ${currency}.`,

  paymentMethod: 'Método de pago',
  paymentMethods: { card: 'Tarjeta', paypal: 'PayPal' },
  payAmount: (amount) => `Pagar ${amount}`,
  saving: 'Guardando tus datos…',
  processing: 'Procesando el pago…',
  processingHint: 'Puede tardar unos segundos. No cierres esta página.',
  testMode: 'Modo de prueba',
  testModeCardHint:
    'Usa 4242 4242 4242 4242 para un pago correcto o 4000 0000 0000 0002 para un pago rechazado. No se hace ningún cargo real.',
  cardNumber: 'Número de tarjeta',
  cardExpiry: 'Caducidad (MM/AA)',
  cardExpiryPlaceholder: 'MM/AA',
  cardCvc: 'Código de seguridad',
  paypalApprove: 'Aprobar el pago',
  paypalDecline: 'Rechazar el pago',
  paypalHint: 'Elige cómo responde la cuenta de PayPal simulada. No se hace ningún cargo real.',
  redirecting: 'Redirigiendo…',
  cancel: 'Cancelar y volver a la tienda',
  cancelling: 'Cancelando…',

  completedTitle: 'Pago recibido',
  completedBody: '¡Gracias! Tu pedido está pagado. Recibirás el justificante por correo electrónico.',
  failedTitle: 'No se ha podido realizar el pago',
  failedBody: 'Tu pago se ha rechazado o no se ha podido completar. No se te ha cobrado nada.',
  tryAgain: 'Volver a intentarlo',
  abandonedTitle: 'Esta página de pago ha caducado',
  abandonedBody: 'Este pago se canceló o caducó tras un periodo de inactividad.',
  cancelledTitle: 'Pago cancelado',
  cancelledBody: 'Has cancelado el pago. No se te ha cobrado nada.',
  continueToMerchant: 'Continuar',
  returnToMerchant: 'Volver a la tienda',
  draftRestored: 'Hemos recuperado los datos que introdujiste antes.',

  // the hosted payment hand-off
  hostedPaymentNote: 'Terminarás el pago en la página segura de Quaderno.',
};

export default es;
