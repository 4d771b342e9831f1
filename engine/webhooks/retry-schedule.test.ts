import { DEFAULT_MAX_ATTEMPTS, defaultRetryDelayMs } from './retry-schedule';

test('the waits after failed attempts 1 to 7 grow fourfold from one minute and stop growing at twelve hours', () => {
  const minutes = Array.from({ length: DEFAULT_MAX_ATTEMPTS - 1 }, (_, index) => defaultRetryDelayMs(index + 1) / 60_000);
  expect(minutes).toEqual([1, 4, 16, 64, 256, 720, 720]);
});
