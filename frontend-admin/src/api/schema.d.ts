/**
 * Generated from openapi/openapi.json by `npm run gen:api` (openapi-typescript).
 * Do not edit by hand: change the backend, regenerate the document, then rerun.
 */

export interface paths {
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: operations["get_liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe: PostgreSQL and Redis reachable */
        get: operations["get_readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List administrative divisions under a parent (provinces when no parent) */
        get: operations["list_divisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One division with its ancestors */
        get: operations["get_division"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ok";
            checks: components["schemas"]["ReadinessChecks"];
        };
        ReadinessChecks: {
            postgres: components["schemas"]["DependencyCheck"];
            redis: components["schemas"]["DependencyCheck"];
        };
        DependencyCheck: {
            ok: boolean;
            latency_ms: number;
        };
        /** @enum {string} */
        DivisionLevel: "province" | "city" | "county";
        Division: {
            /** @example 440305 */
            code: string;
            /** @example 南山区 */
            name: string;
            level: components["schemas"]["DivisionLevel"];
            /** @example 440300 */
            parent_code: string | null;
            has_children: boolean;
        };
        DivisionList: {
            items: components["schemas"]["Division"][];
        };
        DivisionDetail: {
            code: string;
            name: string;
            level: components["schemas"]["DivisionLevel"];
            parent_code: string | null;
            has_children: boolean;
            /** @description Province first, excluding the division itself */
            ancestors: components["schemas"]["Division"][];
        };
        /** @enum {string} */
        ErrorCode: "malformed_body" | "validation_failed" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "unauthorized" | "forbidden" | "conflict" | "precondition_failed" | "too_many_requests" | "service_unavailable" | "internal_error";
        FieldError: {
            field: string;
            code: string;
            message: string;
            message_zh: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            /** Format: int32 */
            status: number;
            code: components["schemas"]["ErrorCode"];
            detail: string;
            detail_zh: string;
            errors?: components["schemas"]["FieldError"][];
            unavailable?: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is running */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    get_readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All dependencies reachable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description At least one dependency is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_divisions: {
        parameters: {
            query?: {
                /** @description Six-digit code of the parent division; omitted for the provinces */
                parent?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child divisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DivisionList"];
                };
            };
            /** @description Unknown parent */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed parent code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_division: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Six-digit division code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The division */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DivisionDetail"];
                };
            };
            /** @description No such division */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
