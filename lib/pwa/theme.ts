// The colours of the installed app, taken from the Tailwind theme in app/globals.css (a unit test keeps
// them equal): the title bar and status bar use brand-700, the splash screen the page background.
export const PWA_THEME_COLOR = "#22614f"; // --color-brand-700
export const PWA_BACKGROUND_COLOR = "#f5f6f4"; // --color-canvas
