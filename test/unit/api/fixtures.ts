/** Small API description files for the linked-file tests. */
export const REFUNDS_OPENAPI = `openapi: 3.0.3
info: { title: Refunds, version: 1.0.0 }
servers:
  - url: https://api.example.com/v1
security:
  - bearer: []
paths:
  /refunds:
    post:
      operationId: createRefund
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/RefundRequest' }
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Refund' }
        '422': { description: Invalid amount }
  /refunds/{id}:
    get:
      operationId: getRefund
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: Found
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Refund' }
        '404': { description: No such refund }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
  schemas:
    RefundRequest:
      type: object
      required: [paymentId, amount]
      additionalProperties: false
      properties:
        paymentId: { type: string }
        amount: { type: integer, minimum: 1 }
        reason: { type: string, nullable: true }
    Refund:
      type: object
      required: [id, status]
      properties:
        id: { type: string }
        status: { type: string, enum: [pending, succeeded, failed] }
        parent: { $ref: '#/components/schemas/Refund' }
`;

export const NO_DESCRIPTION_OPENAPI = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          content: { application/json: { schema: { type: string } } }
`;

export const MALFORMED_YAML = `openapi: 3.0.3
info:
  title: T
   version: '1'
paths: {}
`;

export const SWAGGER_2 = '{"swagger":"2.0","info":{"title":"P","version":"1"},"basePath":"/api","paths":{"/pets":{"get":{"produces":["application/json"],"responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/Pet"}}}}}}},"definitions":{"Pet":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}';

export const ASYNCAPI_INVALID = `asyncapi: 2.6.0
info: { title: Events }
channels:
  orders.created:
    subscribe:
      message:
        payload: 5
`;

export const ASYNCAPI_3 = `asyncapi: 3.0.0
info: { title: Events, version: 1.0.0 }
channels:
  orderCreated:
    address: orders.created
    messages:
      OrderCreated:
        payload: { type: object, required: [orderId], properties: { orderId: { type: string } } }
operations:
  onOrderCreated:
    action: receive
    channel: { $ref: '#/channels/orderCreated' }
`;

export const CYCLE_OPENAPI = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }
components:
  schemas:
    A: { type: object, properties: { b: { $ref: '#/components/schemas/B' } } }
    B: { type: object, properties: { a: { $ref: '#/components/schemas/A' } } }
`;

export const UNRESOLVED_REF_OPENAPI = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } }
`;

export const INVALID_JSON_SCHEMA = '{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "type": "object",\n  "properties": {\n    "amount": { "type": "integr" }\n  }\n}\n';

export const VALID_JSON_SCHEMA = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "Refund",\n  "type": "object",\n  "required": ["id"],\n  "properties": { "id": { "type": "string" }, "amount": { "type": "integer", "minimum": 1 } }\n}\n';
