/** Staff UI messages in English; this catalog defines the key set every other locale must match. */
export const en = {
  'app.name': 'Touchpoint',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to main content',
  'app.retry': 'Try again',

  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',

  'login.title': 'Sign in to Touchpoint',
  'login.intro': 'Service-quality feedback for your team.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Sign-in failed',
  'login.invalidInput': 'Enter a valid email address and your password.',

  'header.language': 'Language',
  'header.signedInAs': 'Signed in as {name}, {role}',
  'header.logout': 'Sign out',
  'header.logoutFailed': 'Sign-out failed. Please try again.',

  'role.admin': 'Administrator',
  'role.designer': 'Survey designer',
  'role.analyst': 'Analyst',

  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.dashboard': 'Dashboard',
  'nav.surveys': 'Surveys',
  'nav.touchpoints': 'Touchpoints',
  'nav.contacts': 'Contacts',
  'nav.distributions': 'Distributions',
  'nav.settings': 'Settings',

  'home.title': 'Welcome, {name}',
  'home.intro': 'Choose a section to get started.',

  'section.comingSoon': 'This section is being built.',
  'section.loadFailed': 'This section could not be loaded. Reload the page to try again.',
  'dashboard.placeholder':
    'Scores and trends will appear here: NPS, CSAT, CES and SERVQUAL gaps by touchpoint, channel and period.',
  'surveys.placeholder':
    'Create and edit surveys in the builder, tag questions with service-quality metrics and publish versions.',
  'touchpoints.placeholder': 'Define the touchpoints of your customer journey and the channels they happen on.',
  'contacts.placeholder': 'Manage the people you survey: import contacts, group them into segments and track consent.',
  'distributions.placeholder': 'Send surveys by email link, schedule reminders and follow delivery status.',
  'settings.placeholder': 'Manage users and roles, API tokens and installation settings.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'forbidden.title': 'No access',
  'forbidden.body': 'Your role does not include this section. Ask an administrator if you need it.',
  'nav.backHome': 'Go to the start page',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
/** Shape every locale's catalog must have: a missing or extra key is a compile error. */
export type Messages = Record<MessageKey, string>;
