import { plural } from './format.ts';
import type { Translation } from './translation.ts';

// Register: "vous", as French shops and banks address customers. Typography: a non-breaking space
// (U+00A0) before ":" and a narrow one (U+202F) before "!", "?" and ";"; no space before "…".
const fr: Translation = {
  $code: 'fr',
  $dir: 'ltr',

  loading: 'Chargement de la page de paiement…',
  errorTitle: 'Impossible de charger cette page de paiement',
  errorLoad: 'Une erreur s’est produite lors du chargement de votre commande.',
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  errorTimeout: 'Le serveur met trop de temps à répondre. Veuillez réessayer.',
  errorNotFound: 'Ce lien de paiement n’existe pas ou a été supprimé.',
  errorInvalidPermalink: 'Ce lien de paiement est manquant ou non valide.',
  errorRateLimited: 'Trop de tentatives. Veuillez patienter quelques instants, puis réessayer.',
  errorServer: 'Le serveur a rencontré un problème. Veuillez réessayer.',
  errorBadResponse: 'La réponse du serveur est illisible. Veuillez réessayer.',
  errorUnsafeUrl:
    'Cette page de paiement comporte une adresse de retour non sécurisée et ne peut donc pas continuer. Veuillez contacter le vendeur.',
  errorSave: 'Impossible d’enregistrer vos informations. Rien de ce que vous avez saisi n’a été perdu.',
  errorNotPending: 'Ce paiement ne peut plus être modifié.',
  errorMixedCurrencies:
    'Cette commande comporte plusieurs devises et ne peut donc pas être réglée ici. Veuillez contacter le vendeur.',
  retry: 'Réessayer',

  orderSummary: 'Récapitulatif de la commande',
  // why: French uses the singular for 0 and 1 ("0 article"), which PluralRules knows.
  itemCount: (count) => plural('fr', count, { one: `${count} article`, other: `${count} articles` }),
  quantity: 'Quantité',
  unitPrice: 'Prix unitaire',
  lineTotal: 'Montant',
  quantityTimesPrice: (quantity, price) => `${quantity} × ${price}`,
  subtotal: 'Sous-total',
  discountWithCode: (code) => `Remise (${code})`,
  total: 'Total à payer',

  billingDetails: 'Informations de facturation',
  contactDetails: 'Coordonnées',
  optional: 'facultatif',
  fields: {
    first_name: 'Prénom',
    last_name: 'Nom',
    email: 'Adresse e-mail',
    company: 'Société',
    tax_id: 'Numéro de TVA',
    billing_street_line_1: 'Adresse',
    billing_street_line_2: 'Complément d’adresse',
    billing_city: 'Ville',
    billing_postal_code: 'Code postal',
    billing_country: 'Pays',
  },
  selectCountry: 'Sélectionnez un pays',
  showFullAddress: 'Ajouter l’adresse de facturation complète',
  formHasErrors: (count) =>
    plural('fr', count, { one: `Veuillez corriger ${count} champ.`, other: `Veuillez corriger ${count} champs.` }),
  validation: {
    required: 'Ce champ est obligatoire.',
    paymentMethod: 'Veuillez choisir un moyen de paiement.',
    email: 'Veuillez saisir une adresse e-mail valide.',
    tooLong: (max) =>
      plural('fr', max, { one: `Saisissez ${max} caractère au maximum.`, other: `Saisissez ${max} caractères au maximum.` }),
    taxId: (example) => `Veuillez saisir un numéro de TVA valide, par exemple ${example}.`,
    postalCode: 'Veuillez saisir un code postal valide.',
    country: 'Veuillez sélectionner un pays.',
    cardNumber: 'Veuillez saisir un numéro de carte valide.',
    cardExpiry: 'Veuillez saisir une date d’expiration future au format MM/AA.',
    cardCvc: 'Veuillez saisir le cryptogramme visuel à 3 ou 4 chiffres.',
  },

  couponLabel: 'Code promo',
  couponPlaceholder: 'Saisir un code',
  couponApply: 'Appliquer',
  couponApplying: 'Application en cours…',
  couponRemove: 'Retirer',
  couponRemoving: 'Retrait en cours…',
  couponApplied: (code) => `Le code ${code} a été appliqué.`,
  couponRemoved: 'Le code promo a été retiré.',
  couponInvalid: 'Ce code n’est pas valide.',
  couponNotAccepted: 'Les codes promo ne sont pas acceptés pour cette commande.',
  couponExpired: 'Ce code a expiré.',
  couponUsedUp: 'Ce code a atteint sa limite d’utilisation.',
  couponCurrency: (currency) => `Ce code n’est valable que pour les commandes en ${currency}.`,

  paymentMethod: 'Moyen de paiement',
  paymentMethods: { card: 'Carte bancaire', paypal: 'PayPal' },
  payAmount: (amount) => `Payer ${amount}`,
  saving: 'Enregistrement de vos informations…',
  processing: 'Traitement de votre paiement…',
  processingHint: 'Cela peut prendre quelques secondes. Veuillez ne pas fermer cette page.',
  testMode: 'Mode test',
  testModeCardHint:
    'Paiement accepté\u00a0: 4242 4242 4242 4242. Paiement refusé\u00a0: 4000 0000 0000 0002. Aucun montant réel n’est débité.',
  cardNumber: 'Numéro de carte',
  cardExpiry: 'Date d’expiration (MM/AA)',
  cardExpiryPlaceholder: 'MM/AA',
  cardCvc: 'Cryptogramme visuel',
  paypalApprove: 'Approuver le paiement',
  paypalDecline: 'Refuser le paiement',
  paypalHint: 'Choisissez la réponse du compte PayPal simulé. Aucun montant réel n’est débité.',
  redirecting: 'Redirection en cours…',
  cancel: 'Annuler et revenir à la boutique',
  cancelling: 'Annulation en cours…',

  completedTitle: 'Paiement reçu',
  completedBody: 'Merci\u202f! Votre commande est réglée. Vous allez recevoir un reçu par e-mail.',
  failedTitle: 'Échec du paiement',
  failedBody: 'Votre paiement a été refusé ou n’a pas pu aboutir. Aucun montant n’a été débité.',
  tryAgain: 'Réessayer',
  abandonedTitle: 'Cette page de paiement a expiré',
  abandonedBody: 'Ce paiement a été annulé ou a expiré après une période d’inactivité.',
  cancelledTitle: 'Paiement annulé',
  cancelledBody: 'Vous avez annulé le paiement. Aucun montant n’a été débité.',
  continueToMerchant: 'Continuer',
  returnToMerchant: 'Revenir à la boutique',
  draftRestored: 'Nous avons restauré les informations que vous aviez saisies.',

  // the hosted payment hand-off
  hostedPaymentNote: 'Vous finaliserez le paiement sur la page sécurisée de Quaderno.',
  // real processors (issue 14)
  processorUnavailable: 'Le formulaire de paiement n’a pas pu se charger. Vérifiez votre connexion et réessayez.',
  cardIncomplete: 'Complétez les informations de votre carte.',
  cardDeclined: 'Votre carte a été refusée. Essayez avec une autre carte.',
  paymentAuthenticationFailed: 'Votre banque n’a pas pu confirmer le paiement. Réessayez ou utilisez une autre carte.',
  paymentFailed: 'Le paiement n’a pas abouti. Réessayez.',
  paypalCancelled: 'Vous avez fermé PayPal avant de payer.',
  paypalFailed: 'PayPal n’a pas pu effectuer le paiement. Réessayez.',
  paypalUseButton: 'Payez avec le bouton PayPal.',
};

export default fr;
