import '@switchboard/ui/testing/setup';

// jsdom has no layout: every element measures 0×0, so a virtualised list would render no
// rows. Give elements a screen-sized box so lists render what a browser would show.
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1200 },
});
