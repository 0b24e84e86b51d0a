import type { SignupMessages } from '../../src/core/index.js';

const sending = 'حدث خطأ أثناء إرسال النموذج. حاول مرة أخرى.';

/**
 * A complete set of messages in Arabic, as a site passes a language the form has no built-in
 * messages for (`messages`): a right-to-left script, so the form renders mirrored. Shared by the
 * component test and the browser test that looks at it.
 *
 * @example
 * <SignupForm endpoint="/api/signup" locale="ar" messages={arabicMessages} />
 */
export const arabicMessages: SignupMessages = {
  locale: 'ar',
  emailLabel: 'عنوان البريد الإلكتروني',
  emailHint: '',
  preferencesLegend: 'ما الذي تود أن تسمع عنه؟',
  preferencesHint: 'اختر كل ما يهمك.',
  optional: '(اختياري)',
  submit: 'اشترك',
  submitting: 'جارٍ الاشتراك…',
  loading: 'جارٍ تحميل نموذج الاشتراك…',
  definitionFailed: 'تعذّر تحميل نموذج الاشتراك. تحقق من اتصالك وحاول مرة أخرى.',
  definitionUnavailable: 'تعذّر تحميل نموذج الاشتراك. حاول مرة أخرى لاحقًا.',
  definitionFailedRetryAfter: (wait) => `تعذّر تحميل نموذج الاشتراك. حاول مرة أخرى بعد ${wait} تقريبًا.`,
  retry: 'حاول مرة أخرى',
  subscribedTitle: 'شكرًا لاشتراكك',
  subscribed: (email) => `سنرسل رسائلنا إلى ${email}.`,
  pendingTitle: 'تحقق من بريدك الوارد',
  pendingConfirmation: (email) => `إذا كان بإمكان ${email} تلقي رسائلنا، فستجد فيه رسالة منا تحتوي على رابط لتأكيد اشتراكك. اضغط على الرابط لإتمام الاشتراك.`,
  queuedConfirmation: (email) => `إذا كان بإمكان ${email} تلقي رسائلنا، فستصله رسالة منا تحتوي على رابط لتأكيد اشتراكك، وقد يستغرق ذلك بعض الوقت. اضغط على الرابط لإتمام الاشتراك.`,
  errorPrefix: 'خطأ:',
  errorSummaryTitle: 'هناك مشكلة',
  consentUpdated: 'مُحدَّث',
  fieldRequired: (label) => `أدخل ${label}`,
  fieldNumber: (label) => `يجب أن يكون ${label} رقمًا`,
  fieldConfirm: (label) => `أكّد ${label}`,
  rateLimitedRetryAfter: (wait) => `عدد كبير جدًا من طلبات الاشتراك في وقت واحد. حاول مرة أخرى بعد ${wait} تقريبًا.`,
  unavailableRetryAfter: (wait) => `خدمة النشرة الإخبارية لا تستجيب الآن. بياناتك محفوظة: حاول مرة أخرى بعد ${wait} تقريبًا.`,
  errors: {
    invalid_json: sending,
    invalid_request: sending,
    payload_too_large: 'النموذج أكبر من أن يُرسَل. اختصر ما أدخلته وحاول مرة أخرى.',
    unsupported_media_type: sending,
    method_not_allowed: sending,
    not_found: 'تعذّر العثور على خدمة الاشتراك. حاول مرة أخرى لاحقًا.',
    missing_email: 'أدخل عنوان بريدك الإلكتروني',
    invalid_email: 'أدخل عنوان بريد إلكتروني بالصيغة الصحيحة، مثل name@example.com',
    unknown_preference: 'تغيّرت الخيارات. راجع اختياراتك واشترك مرة أخرى.',
    human_check_failed: 'لم نتمكن من التأكد من أن شخصًا أرسل هذا النموذج. أعد تحميل الصفحة، ثم اشترك مرة أخرى.',
    javascript_required: 'يحتاج هذا النموذج إلى JavaScript الآن. فعّل JavaScript، ثم اشترك مرة أخرى.',
    unknown_field: 'أرسل هذا النموذج معلومة لا تقبلها خدمة الاشتراك. حاول مرة أخرى لاحقًا.',
    invalid_field: 'راجع ما أدخلته',
    missing_field: 'املأ الحقول المطلوبة',
    consent_mismatch: 'تغيّر نص الموافقة. اقرأ النص المحدَّث ثم اشترك مرة أخرى.',
    invalid_page_url: 'لا تُقبَل طلبات الاشتراك من هذه الصفحة.',
    origin_not_allowed: 'لا تُقبَل طلبات الاشتراك من هذا الموقع.',
    rate_limited: 'عدد كبير جدًا من طلبات الاشتراك في وقت واحد. انتظر دقيقة ثم حاول مرة أخرى.',
    contact_rejected: 'لا يمكن اشتراك هذا العنوان. تواصل معنا إن كنت تظن أن هذا خطأ.',
    upstream_unavailable: 'خدمة النشرة الإخبارية لا تستجيب الآن. بياناتك محفوظة: حاول مرة أخرى بعد قليل.',
    upstream_rejected: 'تعذّر على خدمة النشرة الإخبارية قبول اشتراكك. حاول مرة أخرى لاحقًا.',
    network_error: 'لا يوجد اتصال. تحقق من اتصالك ثم حاول مرة أخرى.',
    internal_error: 'حدث خطأ ما. حاول مرة أخرى لاحقًا.',
  },
};
