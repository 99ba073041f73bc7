/** The example specs the protocol tests open, and variations of them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

/** A handoff-ready spec. */
export const READY = readFileSync(join(EXAMPLES, 'payment-refunds.spec.md'), 'utf8');
/** A spec with findings of several rules. */
export const ORDER_EXPORT = readFileSync(join(EXAMPLES, 'order-export.spec.md'), 'utf8');
/** READY with one vague term in a requirement ("quickly"). */
export const VAGUE = READY.replace('The service MUST record every refund', 'The service MUST quickly record every refund');
assert.notEqual(VAGUE, READY, 'examples/payment-refunds.spec.md changed: update the fixture');
