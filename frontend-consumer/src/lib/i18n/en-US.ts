import type { Translation } from './zh-CN';

export const enUS: Translation = {
  app: {
    name: 'Weiquan',
    tagline: 'National consumer complaint platform',
    skipToContent: 'Skip to main content',
    footer: 'Weiquan is an open-source project; the interface and API are still being built.',
  },
  common: {
    retry: 'Retry',
    loading: 'Loading…',
  },
  language: {
    label: 'Interface language',
    switchTo: '中文',
    switchToLang: 'zh-CN',
  },
  home: {
    title: 'Consumer protection in one place',
    intro:
      "Weiquan is an open-source national consumer complaint platform modelled on China's 12315 service: consumers can file complaints about goods and services, report suspected violations, make suggestions or ask questions, and the market regulator where they live handles each case according to law.",
    servicesTitle: 'Our services',
    comingSoon: 'Coming soon',
    comingSoonNote: 'This service is still being built and cannot be submitted online yet.',
    services: {
      complaint: {
        title: 'Complaints',
        description:
          'Have a dispute with a business? Ask the market regulator to mediate and protect your rights.',
      },
      report: {
        title: 'Reports',
        description: 'Tell the regulator about suspected illegal conduct by a business for investigation.',
      },
      suggestion: {
        title: 'Suggestions',
        description: 'Share your views on market regulation and the consumer environment.',
      },
      consultation: {
        title: 'Consultations',
        description: 'Learn about consumer-protection law and how cases are handled.',
      },
    },
  },
  divisions: {
    title: 'Choose your area',
    intro:
      'Complaints and reports go to the market regulator of your area. Choose your province, city and county in turn.',
    level: {
      province: 'Province',
      city: 'City',
      county: 'County / district',
      next: 'Next level',
    },
    placeholder: 'Select…',
    loading: 'Loading divisions…',
    empty: 'No divisions found',
    loadFailed: 'Could not load divisions',
    chosen: 'Chosen area',
    path: 'Full path',
    code: 'Division code',
    incomplete: 'Please choose the next level.',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you are looking for does not exist or has been removed.',
    backHome: 'Back to home',
  },
  routeError: {
    title: 'This page failed to load',
    description: 'Check your network connection and reload the page.',
    reload: 'Reload page',
  },
  problem: {
    network: 'Cannot reach the server. Check your network and try again.',
    unknown: 'Something went wrong. Please try again later.',
    status: 'The request failed (HTTP {{status}}). Please try again later.',
    code: {
      malformed_request: 'The request was malformed.',
      validation_failed: 'Some fields are invalid.',
      not_found: 'The requested item does not exist.',
      method_not_allowed: 'This operation is not supported.',
      payload_too_large: 'The submission is too large.',
      unsupported_media_type: 'This content type is not supported.',
      unauthorized: 'Please sign in first.',
      invalid_credentials: 'The account or password is not right.',
      second_factor_required: 'Enter the code from your authenticator app first.',
      csrf_token_invalid: 'This page has expired. Please reload and try again.',
      forbidden: 'You do not have permission to do this.',
      conflict: 'Someone else changed this item. Refresh and try again.',
      precondition_failed: 'This item is out of date. Refresh and try again.',
      too_many_requests: 'Too many requests. Please wait and try again.',
      service_unavailable: 'The service is temporarily unavailable. Please try again later.',
      internal_error: 'Internal server error. Please try again later.',
    },
  },
};
