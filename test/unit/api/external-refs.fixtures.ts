/** An OpenAPI description split over several files, as larger projects keep them. */
export const SPLIT_OPENAPI = `openapi: 3.0.3
info:
  title: Refunds
  version: 1.0.0
paths:
  /refunds:
    $ref: paths/refunds.yaml
  /refunds/{id}:
    get:
      operationId: getRefund
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The refund
          content:
            application/json:
              schema:
                $ref: schemas/refund.yaml#/Refund
        '404':
          description: No such refund
components:
  schemas:
    Refund:
      $ref: schemas/refund.yaml#/Refund
`;

export const REFUNDS_PATH = `post:
  operationId: createRefund
  requestBody:
    required: true
    content:
      application/json:
        schema:
          $ref: ../schemas/refund.yaml#/RefundRequest
  responses:
    '201':
      description: Created
      content:
        application/json:
          schema:
            $ref: ../schemas/refund.yaml#/Refund
    '400':
      description: Bad request
`;

export const REFUND_SCHEMAS = `Refund:
  type: object
  required: [id, amount]
  properties:
    id:
      type: string
    amount:
      $ref: '#/Amount'
RefundRequest:
  type: object
  required: [amount]
  properties:
    amount:
      $ref: '#/Amount'
    reason:
      type: string
Amount:
  type: integer
  minimum: 1
`;

/** The split description's files, relative to the project root. */
export const SPLIT_FILES: Record<string, string> = {
  'api/openapi.yaml': SPLIT_OPENAPI,
  'api/paths/refunds.yaml': REFUNDS_PATH,
  'api/schemas/refund.yaml': REFUND_SCHEMAS,
};

/** A spec linking the split description, with a request and a response example. */
export function splitSpec(request = '{ "amount": 1200, "reason": "damaged" }', response = '{ "id": "r_1", "amount": 1200 }'): string {
  return [
    '# Refunds', '', '## API contract', '', 'The contract is [the OpenAPI file](api/openapi.yaml).', '',
    '### POST /refunds', '', 'Request:', '', '```json', request, '```', '', 'Response `201`:', '', '```json', response, '```', '',
    '### GET /refunds/{id}', '', 'Returns the refund, or `404` when there is none.', '',
  ].join('\n');
}
