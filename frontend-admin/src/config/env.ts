// Build-time and runtime settings. The SPA is served by the API server itself, so API paths
// are relative to the page's origin unless VITE_API_BASE_URL says otherwise.
export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? globalThis.location?.origin ?? '',
};
