export default defineContentScript({
  registration: 'runtime',
  main() {
    (globalThis as Record<string, unknown>).__x = 1;
  },
});
