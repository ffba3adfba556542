// The organisation's wall clock. Day parts, closing days and request dates are Dutch calendar days;
// every instant shown to a user is rendered in this zone, whatever the browser's or server's zone.
export const APP_TIME_ZONE = "Europe/Amsterdam";
