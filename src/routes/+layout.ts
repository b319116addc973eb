// The whole app is static files; the data work happens in the browser after load.
export const prerender = true;
export const trailingSlash = 'never';
